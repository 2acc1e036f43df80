"use client";

import type { TeamMemberRole } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PersonPicker } from "~/components/people/person-picker";
import { ConfirmButton } from "~/components/settings/confirm-button";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { TeamPicker } from "~/components/teams/team-picker";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";

interface Team {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
  memberCount: number;
}

const peopleCount = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/**
 * One team of the tree: its name and head count, a disclosure button that opens what an admin
 * changes (rename, move, archive, its leads and members). Its people load when it opens, so the
 * tree of a large organization stays one lean list.
 */
export function TeamRow({ team, depth, above }: { team: Team; depth: number; above?: string[] }) {
  const [open, setOpen] = useState(false);
  const panelId = `team-panel-${team.id}`;
  return (
    <li
      className="py-1"
      style={{ paddingLeft: `min(${depth * 1.5}rem, ${depth * 3}vw)` }}
      aria-label={`Team ${team.name}`}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-50"
      >
        <span
          aria-hidden="true"
          className={`inline-block w-3 text-center text-slate-500 transition-transform ${open ? "rotate-90" : ""}`}
        >
          ▸
        </span>
        <span className="font-medium">{team.name}</span>
        {above && above.length > 0 && <span className="text-xs text-slate-500">in {above.join(" › ")}</span>}
        <span className="text-xs text-slate-500">{peopleCount(team.memberCount)}</span>
      </button>
      {open && <TeamPanel id={panelId} team={team} />}
    </li>
  );
}

/** An opened team: rename, move, archive, and its people (new ones found with the person picker). */
function TeamPanel({ id, team }: { id: string; team: Team }) {
  const trpc = useTRPC();
  const [name, setName] = useState(team.name);
  const [newMember, setNewMember] = useState("");
  const [newRole, setNewRole] = useState<TeamMemberRole>("member");
  const [confirmArchive, setConfirmArchive] = useState(false);
  const members = useQuery(trpc.teams.members.queryOptions({ teamId: team.id }));
  // A change of people moves the head counts (teams), the users page and people searched by team.
  const { failure, callbacks: mutationCallbacks } = useActionFeedback(["teams", "users", "people"]);
  const update = useMutation(trpc.teams.update.mutationOptions(mutationCallbacks));
  const archive = useMutation(trpc.teams.archive.mutationOptions(mutationCallbacks));
  const setMember = useMutation(trpc.teams.setMember.mutationOptions(mutationCallbacks));
  const people = members.data ?? [];

  return (
    <div id={id} className="mt-1 mb-2 space-y-3 rounded-lg border border-slate-200 p-3 sm:ml-5">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`name-${team.id}`} className="sr-only">
          Name of {team.name}
        </label>
        <input
          id={`name-${team.id}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="w-full rounded-md border border-slate-200 px-2 py-1 text-sm font-medium sm:w-56"
        />
        {name !== team.name && (
          <Button variant="secondary" onClick={() => update.mutate({ teamId: team.id, version: team.version, name })}>
            Rename
          </Button>
        )}
        <label htmlFor={`parent-${team.id}`} className="text-xs text-slate-500 sm:ml-2">
          Part of
        </label>
        {/* Searched on the server: the organization's teams are never all on the page. */}
        <TeamPicker
          id={`parent-${team.id}`}
          value={team.parentId ?? ""}
          onChange={(v) => update.mutate({ teamId: team.id, version: team.version, parentId: v || null })}
          emptyLabel="— Top —"
          exclude={(t) => t.id === team.id}
          indent={false}
          searchLabel={`Search teams to move ${team.name} under`}
          className="w-full sm:w-64"
        />
        <span className="ml-auto">
          <ConfirmButton
            label="Archive"
            ariaLabel={`Archive ${team.name}`}
            confirmLabel="Confirm archive"
            asking={confirmArchive}
            onAsk={setConfirmArchive}
            onConfirm={() => archive.mutate({ teamId: team.id, version: team.version })}
          />
        </span>
      </div>

      {members.isPending ? (
        <p role="status" className="text-xs text-slate-500">
          Loading the people of {team.name}…
        </p>
      ) : members.isError ? (
        <Alert>{members.error.message}</Alert>
      ) : people.length === 0 ? (
        <p className="text-xs text-slate-500">No one is on {team.name} yet.</p>
      ) : (
        <ul aria-label={`People in ${team.name}`} className="flex flex-wrap gap-2">
          {people.map((m) => (
            <li
              key={m.id}
              className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pr-1 pl-2.5 text-xs"
            >
              {m.name}
              {/* A toggle whose state shows in its text and mark, not in its colour alone; its name stays fixed. */}
              <button
                type="button"
                aria-pressed={m.role === "lead"}
                onClick={() =>
                  setMember.mutate({ teamId: team.id, userId: m.id, role: m.role === "lead" ? "member" : "lead" })
                }
                aria-label={`Lead: ${m.name}`}
                className={`inline-flex items-center gap-1 rounded-full border px-1.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 ${m.role === "lead" ? "border-indigo-300 bg-indigo-100 text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
              >
                <span aria-hidden="true" className="w-2.5 text-center">
                  {m.role === "lead" ? "✓" : "+"}
                </span>
                Lead
              </button>
              <button
                type="button"
                onClick={() => setMember.mutate({ teamId: team.id, userId: m.id, role: null })}
                aria-label={`Remove ${m.name} from ${team.name}`}
                className="rounded-full px-1 text-slate-500 hover:bg-rose-100 hover:text-rose-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-start gap-2">
        <label htmlFor={`add-${team.id}`} className="sr-only">
          Add a person to {team.name}
        </label>
        <PersonPicker
          id={`add-${team.id}`}
          value={newMember}
          onChange={setNewMember}
          emptyLabel="Add person…"
          searchLabel={`Search people to add to ${team.name}`}
          accept={(p) => !people.some((m) => m.id === p.id)}
          className="grid w-full gap-2 space-y-0 sm:w-[28rem] sm:grid-cols-2"
        />
        <label htmlFor={`add-role-${team.id}`} className="sr-only">
          Team role
        </label>
        <select
          id={`add-role-${team.id}`}
          value={newRole}
          onChange={(e) => setNewRole(e.target.value as TeamMemberRole)}
          className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm"
        >
          <option value="member">as member</option>
          <option value="lead">as lead</option>
        </select>
        <Button
          variant="secondary"
          className="py-2"
          disabled={!newMember}
          onClick={() => {
            setMember.mutate({ teamId: team.id, userId: newMember, role: newRole });
            setNewMember("");
          }}
        >
          Add
        </Button>
      </div>
      {failure && <Alert>{failure}</Alert>}
    </div>
  );
}
