"use client";

import { ROLE_LABELS, ROLES, type Role } from "@meridian/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CreateUserForm } from "./create-user-form";
import { TemporaryPassword } from "./temporary-password";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: people = [] } = useQuery(trpc.users.list.queryOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [reset, setReset] = useState<{ email: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.users.pathFilter());
  const onError = (error: { message: string }) => setFailure(error.message);
  const onSuccess = () => {
    setFailure(null);
    setConfirming(null);
    return refresh();
  };
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions({ onSuccess, onError }));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions({ onSuccess, onError }));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions({ onSuccess, onError }));
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions({ onError }));

  return (
    <div className="space-y-6">
      <section aria-labelledby="add-heading" className={ui.card}>
        <h2 id="add-heading" className="mb-4 text-base font-semibold">
          Add a person
        </h2>
        <CreateUserForm />
      </section>

      <section aria-labelledby="people-heading" className={ui.card}>
        <h2 id="people-heading" className="text-base font-semibold">
          People ({people.length})
        </h2>
        <div className="mt-3 space-y-3">
          <ErrorMessage>{failure}</ErrorMessage>
          {reset && <TemporaryPassword email={reset.email} password={reset.password} />}
        </div>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-2 font-medium">Person</th>
              <th className="py-2 font-medium">Role</th>
              <th className="py-2 font-medium">Teams</th>
              <th className="py-2 font-medium">Status</th>
              <th className="py-2 text-right font-medium">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((person) => {
              const self = person.id === currentUserId;
              return (
                <tr key={person.id} className={person.active ? "" : "text-slate-400"}>
                  <td className="py-2.5">
                    <p className="font-medium text-slate-900">{person.name}</p>
                    <p className="text-xs text-slate-500">{person.email}</p>
                  </td>
                  <td className="py-2.5">
                    <label htmlFor={`role-${person.id}`} className="sr-only">
                      Role of {person.name}
                    </label>
                    <select
                      id={`role-${person.id}`}
                      value={person.role}
                      disabled={self || !person.active || changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ userId: person.id, role: e.target.value as Role })}
                      className="rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-2.5 text-xs text-slate-600">
                    {person.teams.map((t) => `${t.name}${t.role === "lead" ? " (lead)" : ""}`).join(", ") || "—"}
                  </td>
                  <td className="py-2.5">
                    {!person.active ? (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">Deactivated</span>
                    ) : person.mustChangePassword ? (
                      <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs text-amber-800">Invited</span>
                    ) : (
                      <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">Active</span>
                    )}
                  </td>
                  <td className="py-2.5 text-right">
                    {self ? (
                      <span className="text-xs text-slate-400">You</span>
                    ) : !person.active ? (
                      <button
                        type="button"
                        className={ui.secondary}
                        aria-label={`Reactivate ${person.name}`}
                        onClick={() => reactivate.mutate({ userId: person.id })}
                      >
                        Reactivate
                      </button>
                    ) : confirming === person.id ? (
                      <span className="inline-flex gap-2">
                        <button
                          type="button"
                          className={ui.danger}
                          aria-label={`Confirm deactivating ${person.name}`}
                          onClick={() => deactivate.mutate({ userId: person.id })}
                        >
                          Confirm
                        </button>
                        <button type="button" className={ui.secondary} onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <span className="inline-flex gap-2">
                        <button
                          type="button"
                          className={ui.secondary}
                          aria-label={`Reset the password of ${person.name}`}
                          onClick={async () => {
                            setReset(null);
                            const result = await resetPassword.mutateAsync({ userId: person.id }).catch(() => null);
                            if (result) setReset({ email: person.email, password: result.temporaryPassword });
                            await refresh();
                          }}
                        >
                          Reset password
                        </button>
                        <button
                          type="button"
                          className={ui.danger}
                          aria-label={`Deactivate ${person.name}`}
                          onClick={() => setConfirming(person.id)}
                        >
                          Deactivate
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
