"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { TTeamCreate } from "@meridian/domain";
import { ZTeamCreateSchema } from "@meridian/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { TeamRow } from "./team-row";
import { inTreeOrder } from "./team-tree";

export function TeamsAdmin() {
  const trpc = useTRPC();
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const { data: people = [] } = useQuery(trpc.users.list.queryOptions());
  const ordered = inTreeOrder(teams);
  const activePeople = people.filter((p) => p.active);

  return (
    <div className="space-y-6">
      <section aria-labelledby="new-team-heading" className={ui.card}>
        <h2 id="new-team-heading" className="mb-4 text-base font-semibold">
          New team
        </h2>
        <CreateTeamForm
          teams={ordered.map(({ team, depth }) => ({ id: team.id, label: `${"— ".repeat(depth)}${team.name}` }))}
        />
      </section>
      <section aria-labelledby="tree-heading" className={ui.card}>
        <h2 id="tree-heading" className="text-base font-semibold">
          Team tree
        </h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {ordered.map(({ team, depth }) => (
            <TeamRow key={team.id} team={team} depth={depth} allTeams={teams} people={activePeople} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function CreateTeamForm({ teams }: { teams: { id: string; label: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TTeamCreate>({ resolver: zodResolver(ZTeamCreateSchema), defaultValues: { name: "", parentId: null } });
  const create = useMutation(trpc.teams.create.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync(values);
      reset();
      await queryClient.invalidateQueries(trpc.teams.pathFilter());
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New team" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto]">
      <Field label="Team name" error={errors.name?.message}>
        {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.name)} {...register("name")} />}
      </Field>
      <Field label="Part of" error={errors.parentId?.message}>
        {(id) => (
          <select
            id={id}
            className={ui.select}
            {...register("parentId", { setValueAs: (v: string | null) => (v ? v : null) })}
          >
            <option value="">— Top of the tree —</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex items-end">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          Create team
        </button>
      </div>
      <div className="sm:col-span-3">
        <ErrorMessage>{failure}</ErrorMessage>
      </div>
    </form>
  );
}
