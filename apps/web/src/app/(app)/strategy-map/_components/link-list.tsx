"use client";

import { Fragment, useState } from "react";
import { TitledCard } from "~/components/scorecard/titled-card";
import type { MapLink, MapPerspective } from "~/components/strategy/types";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";

interface LinkListProps {
  perspectives: readonly MapPerspective[];
  links: readonly MapLink[];
  editable: boolean;
  selectedLinkId: string | null;
  pending: boolean;
  onSelectLink: (linkId: string | null) => void;
  onLink: (causeId: string, effectId: string) => Promise<unknown>;
  onUnlink: (linkId: string) => void;
}

/**
 * The map's arrows as text: every cause → effect pair, and for admins a form
 * to add one and a button to remove each. Keyboard and screen-reader users
 * get everything the graph offers from here.
 */
export function LinkList({
  perspectives,
  links,
  editable,
  selectedLinkId,
  pending,
  onSelectLink,
  onLink,
  onUnlink,
}: LinkListProps) {
  const objectives = perspectives.flatMap((p) => p.objectives.map((o) => ({ ...o, perspective: p.name })));
  const nameOf = new Map(objectives.map((o) => [o.id, o.name]));
  return (
    <TitledCard
      title="Cause → effect links"
      aside={
        <p className="text-xs text-slate-500">
          {links.length} link{links.length === 1 ? "" : "s"}
        </p>
      }
    >
      {links.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">
          No links yet.
          {editable && " Drag from one objective's edge to another on the map, or add one below."}
        </p>
      ) : (
        <ul aria-label="Cause → effect links" className="mt-3 divide-y divide-slate-100">
          {links.map((l) => {
            const label = `${nameOf.get(l.causeId) ?? "?"} → ${nameOf.get(l.effectId) ?? "?"}`;
            return (
              <li
                key={l.id}
                className={`flex items-center justify-between gap-3 py-2 text-sm ${l.id === selectedLinkId ? "bg-indigo-50/60" : ""}`}
              >
                <button
                  type="button"
                  onClick={() => onSelectLink(l.id === selectedLinkId ? null : l.id)}
                  aria-pressed={l.id === selectedLinkId}
                  className="min-w-0 truncate rounded px-1 text-left text-slate-800 hover:text-indigo-700"
                >
                  {nameOf.get(l.causeId)} <span className="text-slate-500">→</span> {nameOf.get(l.effectId)}
                </button>
                {editable && (
                  <Button
                    variant="danger"
                    size="sm"
                    disabled={pending}
                    aria-label={`Remove link ${label}`}
                    onClick={() => onUnlink(l.id)}
                  >
                    Remove
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && objectives.length > 1 && <AddLinkForm objectives={objectives} pending={pending} onLink={onLink} />}
    </TitledCard>
  );
}

function AddLinkForm({
  objectives,
  pending,
  onLink,
}: {
  objectives: { id: string; name: string; perspective: string }[];
  pending: boolean;
  onLink: (causeId: string, effectId: string) => Promise<unknown>;
}) {
  const [causeId, setCauseId] = useState("");
  const [effectId, setEffectId] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const groups = [...new Set(objectives.map((o) => o.perspective))];
  const options = groups.map((g) => (
    <optgroup key={g} label={g}>
      {objectives
        .filter((o) => o.perspective === g)
        .map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
    </optgroup>
  ));
  return (
    <form
      aria-label="Add link"
      noValidate
      className="mt-4 grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[1fr_auto_1fr_auto] sm:items-end"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!causeId || !effectId) return setProblem("Choose a cause and an effect.");
        if (causeId === effectId) return setProblem("Choose two different objectives.");
        setProblem(null);
        try {
          await onLink(causeId, effectId);
          setCauseId("");
          setEffectId("");
        } catch (error) {
          setProblem((error as { message?: string }).message ?? "Could not add the link.");
        }
      }}
    >
      {(
        [
          ["Cause", causeId, setCauseId],
          ["Effect", effectId, setEffectId],
        ] as const
      ).map(([label, value, set]) => (
        <Fragment key={label}>
          {label === "Effect" && (
            <span aria-hidden="true" className="hidden pb-2 text-slate-500 sm:block">
              →
            </span>
          )}
          <Field label={label}>
            {(id) => (
              <Select id={id} value={value} onChange={(e) => set(e.target.value)}>
                <option value="">Choose…</option>
                {options}
              </Select>
            )}
          </Field>
        </Fragment>
      ))}
      <Button type="submit" disabled={pending}>
        Add link
      </Button>
      {problem && (
        <div className="sm:col-span-4">
          <Alert>{problem}</Alert>
        </div>
      )}
    </form>
  );
}
