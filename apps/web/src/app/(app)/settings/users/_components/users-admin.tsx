"use client";

import { ROLE_LABELS, ROLES, type Role } from "@meridian/domain";
import { keepPreviousData, useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ConfirmButton } from "~/components/settings/confirm-button";
import { SettingsSection } from "~/components/settings/settings-section";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Select } from "~/components/ui/select";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { CreateUserForm } from "./create-user-form";
import { TemporaryPassword } from "./temporary-password";
import { nextUserPage, type StatusFilter, userListInput } from "./user-pages";

type Person = RouterOutputs["users"]["list"]["users"][number];

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<StatusFilter>("");
  // Searched on the server, a moment after the reader stops typing.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const filtered = Boolean(q || role || status);
  const list = useInfiniteQuery({
    ...trpc.users.list.infiniteQueryOptions(userListInput({ q, role, status }), { getNextPageParam: nextUserPage }),
    placeholderData: keepPreviousData,
  });
  const people = list.data?.pages.flatMap((page) => page.users) ?? [];
  const [reset, setReset] = useState<{ email: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = useInvalidate("users", "people");
  const { failure, callbacks } = useActionFeedback(["users", "people"], () => setConfirming(null));
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions(callbacks));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(callbacks));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions(callbacks));
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions({ onError: callbacks.onError }));

  const actions = {
    changeRole: (person: Person, next: Role) => changeRole.mutate({ userId: person.id, role: next }),
    deactivate: (person: Person) => deactivate.mutate({ userId: person.id }),
    reactivate: (person: Person) => reactivate.mutate({ userId: person.id }),
    resetPassword: async (person: Person) => {
      setReset(null);
      const result = await resetPassword.mutateAsync({ userId: person.id }).catch(() => null);
      if (result) setReset({ email: person.email, password: result.temporaryPassword });
      await refresh();
    },
  };

  return (
    <div className="space-y-6">
      <SettingsSection title="Add a person">
        <div className="mt-4">
          <CreateUserForm />
        </div>
      </SettingsSection>

      <SettingsSection title="People">
        <search
          aria-label="Find people"
          className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]"
        >
          <div>
            <label htmlFor="people-search" className="block text-xs font-medium text-slate-600">
              Search by name or email
            </label>
            <Input
              id="people-search"
              type="search"
              autoComplete="off"
              className="mt-1"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="people-role" className="block text-xs font-medium text-slate-600">
              Show role
            </label>
            <Select
              id="people-role"
              className="mt-1"
              value={role}
              onChange={(e) => setRole(e.target.value as Role | "")}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            >
              <option value="">Every role</option>
            </Select>
          </div>
          <div>
            <label htmlFor="people-status" className="block text-xs font-medium text-slate-600">
              Show status
            </label>
            <Select
              id="people-status"
              className="mt-1"
              value={status}
              onChange={(e) => setStatus(e.target.value as StatusFilter)}
              options={[
                { value: "active", label: "Active" },
                { value: "deactivated", label: "Deactivated" },
              ]}
            >
              <option value="">Active and deactivated</option>
            </Select>
          </div>
        </search>
        <p role="status" className="mt-3 text-sm text-slate-600">
          {list.isPending
            ? "Loading…"
            : people.length === 0
              ? filtered
                ? "Nobody matches."
                : "Nobody here yet."
              : `${people.length}${list.hasNextPage ? "+" : ""} ${people.length === 1 ? "person" : "people"}${filtered ? " match" : ""}`}
        </p>
        <div className="mt-3 space-y-3">
          <Alert>{failure ?? list.error?.message}</Alert>
          {reset && <TemporaryPassword email={reset.email} password={reset.password} />}
        </div>
        <ScrollBox label="Users" className="mt-3">
          <table className="w-full min-w-[36rem] text-left text-sm" aria-busy={list.isFetching || undefined}>
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-2 font-medium">Person</th>
                <th className="py-2 font-medium">Role</th>
                <th className="hidden py-2 font-medium sm:table-cell">Teams</th>
                <th className="hidden py-2 font-medium sm:table-cell">Status</th>
                <th className="py-2 text-right font-medium">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {people.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  self={person.id === currentUserId}
                  pending={changeRole.isPending}
                  confirming={confirming === person.id}
                  onConfirming={(asking) => setConfirming(asking ? person.id : null)}
                  actions={actions}
                />
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {list.hasNextPage && (
          <div className="mt-4 text-center">
            <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {list.isFetchingNextPage ? "Loading…" : "Load more people"}
            </Button>
          </div>
        )}
      </SettingsSection>
    </div>
  );
}

function PersonRow({
  person,
  self,
  pending,
  confirming,
  onConfirming,
  actions,
}: {
  person: Person;
  self: boolean;
  pending: boolean;
  confirming: boolean;
  onConfirming: (asking: boolean) => void;
  actions: {
    changeRole: (person: Person, role: Role) => void;
    deactivate: (person: Person) => void;
    reactivate: (person: Person) => void;
    resetPassword: (person: Person) => Promise<void>;
  };
}) {
  const teams = person.teams.map((t) => `${t.name}${t.role === "lead" ? " (lead)" : ""}`).join(", ") || "—";
  const badge = !person.active ? (
    <Badge>Deactivated</Badge>
  ) : person.mustChangePassword ? (
    <Badge tone="amber">Invited</Badge>
  ) : (
    <Badge tone="emerald">Active</Badge>
  );
  return (
    <tr className={person.active ? "align-top" : "align-top text-slate-500"}>
      <td className="py-2.5 pr-2">
        <p className="font-medium break-words text-slate-900">{person.name}</p>
        <p className="text-xs break-all text-slate-500">{person.email}</p>
        {/* On a phone the teams and the status sit under the name, their columns hidden. */}
        <div className="mt-1 space-y-1 sm:hidden">
          <p className="text-xs text-slate-600">{teams}</p>
          {badge}
        </div>
      </td>
      <td className="py-2.5 pr-2">
        <label htmlFor={`role-${person.id}`} className="sr-only">
          Role of {person.name}
        </label>
        <select
          id={`role-${person.id}`}
          value={person.role}
          disabled={self || !person.active || pending}
          onChange={(e) => actions.changeRole(person, e.target.value as Role)}
          className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className="hidden py-2.5 pr-2 text-xs text-slate-600 sm:table-cell">{teams}</td>
      <td className="hidden py-2.5 pr-2 sm:table-cell">{badge}</td>
      <td className="py-2.5 text-right">
        {self ? (
          <span className="text-xs text-slate-500">You</span>
        ) : !person.active ? (
          <Button
            variant="secondary"
            aria-label={`Reactivate ${person.name}`}
            onClick={() => actions.reactivate(person)}
          >
            Reactivate
          </Button>
        ) : (
          <span className="inline-flex flex-col items-end gap-2 sm:flex-row">
            {!confirming && (
              <Button
                variant="secondary"
                aria-label={`Reset password of ${person.name}`}
                onClick={() => actions.resetPassword(person)}
              >
                Reset password
              </Button>
            )}
            <ConfirmButton
              label="Deactivate"
              ariaLabel={`Deactivate ${person.name}`}
              confirmLabel="Confirm"
              confirmAriaLabel={`Confirm deactivating ${person.name}`}
              asking={confirming}
              onAsk={onConfirming}
              onConfirm={() => actions.deactivate(person)}
            />
          </span>
        )}
      </td>
    </tr>
  );
}
