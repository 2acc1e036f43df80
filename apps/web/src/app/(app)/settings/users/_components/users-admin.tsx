"use client";

import { ROLE_LABELS, ROLES, type Role } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmButton } from "~/components/settings/confirm-button";
import { SettingsSection } from "~/components/settings/settings-section";
import { TableHead } from "~/components/settings/table-head";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { CreateUserForm } from "./create-user-form";
import { TemporaryPassword } from "./temporary-password";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const { data: people = [] } = useQuery(trpc.users.list.queryOptions());
  const [reset, setReset] = useState<{ email: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = useInvalidate("users");
  const { failure, callbacks } = useActionFeedback(["users"], () => setConfirming(null));
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions(callbacks));
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(callbacks));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions(callbacks));
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions({ onError: callbacks.onError }));

  return (
    <div className="space-y-6">
      <SettingsSection title="Add a person">
        <div className="mt-4">
          <CreateUserForm />
        </div>
      </SettingsSection>

      <SettingsSection title={`People (${people.length})`}>
        <div className="mt-3 space-y-3">
          <Alert>{failure}</Alert>
          {reset && <TemporaryPassword email={reset.email} password={reset.password} />}
        </div>
        <table className="mt-3 w-full text-left text-sm">
          <TableHead columns={["Person", "Role", "Teams", "Status", "Actions"]} actions />
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
                      <Badge>Deactivated</Badge>
                    ) : person.mustChangePassword ? (
                      <Badge tone="amber">Invited</Badge>
                    ) : (
                      <Badge tone="emerald">Active</Badge>
                    )}
                  </td>
                  <td className="py-2.5 text-right">
                    {self ? (
                      <span className="text-xs text-slate-400">You</span>
                    ) : !person.active ? (
                      <Button
                        variant="secondary"
                        aria-label={`Reactivate ${person.name}`}
                        onClick={() => reactivate.mutate({ userId: person.id })}
                      >
                        Reactivate
                      </Button>
                    ) : (
                      <span className="inline-flex gap-2">
                        {confirming !== person.id && (
                          <Button
                            variant="secondary"
                            aria-label={`Reset the password of ${person.name}`}
                            onClick={async () => {
                              setReset(null);
                              const result = await resetPassword.mutateAsync({ userId: person.id }).catch(() => null);
                              if (result) setReset({ email: person.email, password: result.temporaryPassword });
                              await refresh();
                            }}
                          >
                            Reset password
                          </Button>
                        )}
                        <ConfirmButton
                          label="Deactivate"
                          ariaLabel={`Deactivate ${person.name}`}
                          confirmLabel="Confirm"
                          confirmAriaLabel={`Confirm deactivating ${person.name}`}
                          asking={confirming === person.id}
                          onAsk={(asking) => setConfirming(asking ? person.id : null)}
                          onConfirm={() => deactivate.mutate({ userId: person.id })}
                        />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </SettingsSection>
    </div>
  );
}
