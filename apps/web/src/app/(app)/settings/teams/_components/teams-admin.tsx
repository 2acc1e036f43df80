"use client";

import { ZTeamCreateSchema } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { GridFormEnd } from "~/components/settings/form-end";
import { SettingsSection } from "~/components/settings/settings-section";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { TeamRow } from "./team-row";
import { inTreeOrder } from "./team-tree";

export function TeamsAdmin() {
  const trpc = useTRPC();
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const ordered = inTreeOrder(teams);

  return (
    <div className="space-y-6">
      <SettingsSection title="New team">
        <div className="mt-4">
          <CreateTeamForm
            teams={ordered.map(({ team, depth }) => ({ id: team.id, label: `${"— ".repeat(depth)}${team.name}` }))}
          />
        </div>
      </SettingsSection>
      <SettingsSection title="Team tree">
        <ul className="mt-3 divide-y divide-slate-100">
          {ordered.map(({ team, depth }) => (
            <TeamRow key={team.id} team={team} depth={depth} allTeams={teams} />
          ))}
        </ul>
      </SettingsSection>
    </div>
  );
}

function CreateTeamForm({ teams }: { teams: { id: string; label: string }[] }) {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZTeamCreateSchema,
    defaultValues: { name: "", parentId: null },
    mutation: trpc.teams.create.mutationOptions(),
    invalidate: useInvalidate("teams"),
    onSuccess: (): void => form.reset(),
  });
  const { register, onSubmit, pending, error } = form;
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New team" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto]">
      <Field label="Team name" error={errors.name?.message}>
        {(id) => <Input id={id} invalid={Boolean(errors.name)} {...register("name")} />}
      </Field>
      <Field label="Part of" error={errors.parentId?.message}>
        {(id) => (
          <Select
            id={id}
            options={teams.map((t) => ({ value: t.id, label: t.label }))}
            {...register("parentId", { setValueAs: (v: string | null) => (v ? v : null) })}
          >
            <option value="">— Top of the tree —</option>
          </Select>
        )}
      </Field>
      <GridFormEnd label="Create team" pending={pending} error={error} errorCell="sm:col-span-3" />
    </form>
  );
}
