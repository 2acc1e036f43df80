"use client";

import { API_SCOPE_INFO, apiTokenLastDay, apiTokenState, isApiScope } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SettingsSection } from "~/components/settings/settings-section";
import { TableHead } from "~/components/settings/table-head";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { formatDate, formatDateTime } from "~/components/ui/format";
import { ScrollBox } from "~/components/ui/scroll-box";
import { useTRPC } from "~/trpc/react";
import { ApiTokenCreateForm, type CreatedToken } from "./api-tokens-create-form";
import { ApiTokensHowTo } from "./api-tokens-how-to";
import { ApiTokenSecret } from "./api-tokens-secret";

export function ApiTokensAdmin() {
  const trpc = useTRPC();
  const { data: tokens = [] } = useQuery(trpc.apiTokens.list.queryOptions());
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { failure, callbacks } = useActionFeedback(["apiTokens"]);
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions(callbacks));

  return (
    <div className="space-y-6">
      <SettingsSection
        title="New API token"
        description="A token lets another system (a data warehouse, a BI tool, a CRM, a script, an ad platform, an A/B testing tool) read this organization's OKRs, KPIs and reports through the REST API, or push KPI actuals, campaign results and experiment results, within the scopes you give it. Make one per system, so each can be revoked on its own."
      >
        <div className="mt-4">
          <ApiTokenCreateForm onCreated={setCreated} />
        </div>
        {created && (
          <div className="mt-4">
            <ApiTokenSecret name={created.name} token={created.token} onDone={() => setCreated(null)} />
          </div>
        )}
      </SettingsSection>

      <SettingsSection title={`Tokens (${tokens.length})`}>
        <div className="mt-3">
          <Alert>{failure}</Alert>
        </div>
        {tokens.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">No tokens yet.</p>
        ) : (
          <ScrollBox label="API tokens" className="mt-3">
            <table className="w-full min-w-[56rem] text-left text-sm">
              <TableHead
                columns={["Name", "Token", "Scopes", "Created", "Last used", "Expires on", "Status", "Actions"]}
                actions
              />
              <tbody className="divide-y divide-slate-100">
                {tokens.map((t) => {
                  const state = apiTokenState(t);
                  const dead = state !== "active";
                  return (
                    <tr key={t.id} className={dead ? "text-slate-500" : ""}>
                      <td className={`py-2.5 font-medium ${dead ? "" : "text-slate-900"}`}>{t.name}</td>
                      <td className="py-2.5">
                        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">mrd_{t.prefix}…</code>
                      </td>
                      <td className="py-2.5">
                        <ul aria-label={`Scopes of ${t.name}`} className="flex max-w-[16rem] flex-wrap gap-1">
                          {t.scopes.map((scope) => (
                            <li key={scope}>
                              <code
                                title={isApiScope(scope) ? API_SCOPE_INFO[scope].label : undefined}
                                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
                              >
                                {scope}
                              </code>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="py-2.5 text-xs">
                        <p>{formatDate(t.createdAt)}</p>
                        <p className="text-slate-500">{t.createdByName ? `by ${t.createdByName}` : ""}</p>
                      </td>
                      <td className="py-2.5 text-xs">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</td>
                      <td className="py-2.5 text-xs">
                        {t.expiresAt ? formatDate(apiTokenLastDay(t.expiresAt)) : "Never"}
                      </td>
                      <td className="py-2.5">
                        {t.revokedAt ? (
                          <Badge>Revoked {formatDate(t.revokedAt)}</Badge>
                        ) : state === "expired" ? (
                          <Badge tone="amber">Expired</Badge>
                        ) : (
                          <Badge tone="emerald">Active</Badge>
                        )}
                      </td>
                      <td className="py-2.5 text-right">
                        {t.revokedAt ? null : (
                          <ConfirmAction
                            label="Revoke"
                            ariaLabel={`Revoke ${t.name}`}
                            question="Systems using it stop at once."
                            confirmLabel="Confirm revoke"
                            confirmAriaLabel={`Confirm revoking ${t.name}`}
                            pending={revoke.isPending}
                            onConfirm={() => revoke.mutate({ tokenId: t.id })}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </SettingsSection>

      <ApiTokensHowTo />
    </div>
  );
}
