"use client";

import { ZTeamCreateSchema } from "@meridian/domain";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Controller } from "react-hook-form";
import { GridFormEnd } from "~/components/settings/form-end";
import { SettingsSection } from "~/components/settings/settings-section";
import { TeamPicker } from "~/components/teams/team-picker";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { nextTeamPage, teamTreeInput } from "./team-pages";
import { TeamRow } from "./team-row";

export function TeamsAdmin() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  // Searched on the server a moment after the admin stops typing.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const pages = useInfiniteQuery({
    ...trpc.teams.search.infiniteQueryOptions(teamTreeInput(q), { getNextPageParam: nextTeamPage }),
    placeholderData: keepPreviousData,
  });
  const teams = pages.data?.pages.flatMap((p) => p.teams) ?? [];

  return (
    <div className="space-y-6">
      <SettingsSection title="New team">
        <div className="mt-4">
          <CreateTeamForm />
        </div>
      </SettingsSection>
      <SettingsSection title="Team tree">
        <div className="mt-3 max-w-sm">
          <label htmlFor="team-tree-search" className="block text-xs font-medium text-slate-600">
            Find a team
          </label>
          <Input
            id="team-tree-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Type a team's name"
            autoComplete="off"
            className="mt-1"
          />
        </div>
        <p role="status" className="sr-only">
          {q && pages.data ? `${teams.length}${pages.hasNextPage ? "+" : ""} teams match` : ""}
        </p>
        {pages.error && <p className="mt-3 text-sm text-rose-700">{pages.error.message}</p>}
        {pages.data && teams.length === 0 && (
          <p className="mt-3 text-sm text-slate-500">
            {q ? "No team matches; try another spelling." : "No teams yet."}
          </p>
        )}
        <ul className="mt-3 divide-y divide-slate-100">
          {teams.map((team) => (
            <TeamRow key={team.id} team={team} depth={q ? 0 : team.depth} above={q ? team.path : undefined} />
          ))}
        </ul>
        {pages.hasNextPage && (
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            disabled={pages.isFetchingNextPage}
            onClick={() => pages.fetchNextPage()}
          >
            {pages.isFetchingNextPage ? "Loading…" : `Show more teams (${teams.length} shown)`}
          </Button>
        )}
      </SettingsSection>
    </div>
  );
}

function CreateTeamForm() {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZTeamCreateSchema,
    defaultValues: { name: "", parentId: null },
    mutation: trpc.teams.create.mutationOptions(),
    invalidate: useInvalidate("teams"),
    onSuccess: (): void => form.reset(),
  });
  const { register, control, onSubmit, pending, error } = form;
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New team" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto]">
      <Field label="Team name" error={errors.name?.message}>
        {(id) => <Input id={id} invalid={Boolean(errors.name)} {...register("name")} />}
      </Field>
      <Field label="Part of" error={errors.parentId?.message}>
        {(id) => (
          <Controller
            control={control}
            name="parentId"
            render={({ field }) => (
              <TeamPicker
                id={id}
                value={field.value ?? ""}
                onChange={(v) => field.onChange(v || null)}
                emptyLabel="— Top of the tree —"
                searchLabel="Search teams for the new team's parent"
              />
            )}
          />
        )}
      </Field>
      <GridFormEnd label="Create team" pending={pending} error={error} errorCell="sm:col-span-3" />
    </form>
  );
}
