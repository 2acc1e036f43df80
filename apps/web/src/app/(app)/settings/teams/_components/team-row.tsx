"use client";

import type { TeamMemberRole } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { PersonPicker } from "~/components/people/person-picker";
import { ConfirmButton } from "~/components/settings/confirm-button";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";

interface Team {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
  members: { id: string; name: string; role: TeamMemberRole }[];
}

/** One team: rename, move, archive, and its leads and members (new ones found with the person picker). */
export function TeamRow({ team, depth, allTeams }: { team: Team; depth: number; allTeams: Team[] }) {
  const trpc = useTRPC();
  const [name, setName] = useState(team.name);
  const [newMember, setNewMember] = useState("");
  const [newRole, setNewRole] = useState<TeamMemberRole>("member");
  const [confirmArchive, setConfirmArchive] = useState(false);
  const { failure, callbacks: mutationCallbacks } = useActionFeedback(["teams", "users"]);
  const update = useMutation(trpc.teams.update.mutationOptions(mutationCallbacks));
  const archive = useMutation(trpc.teams.archive.mutationOptions(mutationCallbacks));
  const setMember = useMutation(trpc.teams.setMember.mutationOptions(mutationCallbacks));

  return (
    <li className="py-4" style={{ paddingLeft: `${depth * 1.5}rem` }} aria-label={`Team ${team.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`name-${team.id}`} className="sr-only">
          Name of {team.name}
        </label>
        <input
          id={`name-${team.id}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="w-56 rounded-md border border-slate-200 px-2 py-1 text-sm font-medium"
        />
        {name !== team.name && (
          <Button variant="secondary" onClick={() => update.mutate({ teamId: team.id, version: team.version, name })}>
            Rename
          </Button>
        )}
        <label htmlFor={`parent-${team.id}`} className="ml-2 text-xs text-slate-500">
          Part of
        </label>
        <select
          id={`parent-${team.id}`}
          value={team.parentId ?? ""}
          onChange={(e) => update.mutate({ teamId: team.id, version: team.version, parentId: e.target.value || null })}
          className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
        >
          <option value="">— Top —</option>
          {allTeams
            .filter((t) => t.id !== team.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
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

      <ul aria-label={`People in ${team.name}`} className="mt-2 flex flex-wrap gap-2">
        {team.members.map((m) => (
          <li
            key={m.id}
            className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pr-1 pl-2.5 text-xs"
          >
            {m.name}
            <button
              type="button"
              onClick={() =>
                setMember.mutate({ teamId: team.id, userId: m.id, role: m.role === "lead" ? "member" : "lead" })
              }
              aria-label={
                m.role === "lead" ? `Make ${m.name} a member of ${team.name}` : `Make ${m.name} a lead of ${team.name}`
              }
              className={`rounded-full px-1.5 ${m.role === "lead" ? "bg-indigo-100 text-indigo-700" : "text-slate-500 hover:bg-slate-200"}`}
            >
              {m.role === "lead" ? "lead" : "member"}
            </button>
            <button
              type="button"
              onClick={() => setMember.mutate({ teamId: team.id, userId: m.id, role: null })}
              aria-label={`Remove ${m.name} from ${team.name}`}
              className="rounded-full px-1 text-slate-400 hover:bg-rose-100 hover:text-rose-700"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex flex-wrap items-start gap-2">
        <label htmlFor={`add-${team.id}`} className="sr-only">
          Add a person to {team.name}
        </label>
        <PersonPicker
          id={`add-${team.id}`}
          value={newMember}
          onChange={setNewMember}
          emptyLabel="Add person…"
          searchLabel={`Search people to add to ${team.name}`}
          accept={(p) => !team.members.some((m) => m.id === p.id)}
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
      {failure && (
        <div className="mt-2">
          <Alert>{failure}</Alert>
        </div>
      )}
    </li>
  );
}
