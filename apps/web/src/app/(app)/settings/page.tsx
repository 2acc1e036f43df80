import { ROLE_LABELS } from "@meridian/domain";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSessionUser } from "~/server/auth";
import { getCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSessionUser();
  const caller = await getCaller();
  const me = await caller.me.get();
  // The server decides: a non-admin gets no page at all, not merely a hidden link.
  if (!me.organization || !me.permissions.includes("settings.view")) notFound();
  const [teams, cycles] = await Promise.all([caller.teams.list(), caller.cycles.list()]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-indigo-600">Settings</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{me.organization.name}</h1>
        <p className="mt-1 text-sm text-slate-500">
          You are signed in as {ROLE_LABELS[me.organization.role].toLowerCase()}
          {me.organization.isDemo && " · demo organization"}.
        </p>
      </div>

      <section aria-labelledby="teams-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="teams-heading" className="text-base font-semibold">
          Teams
        </h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-2 font-medium">Team</th>
              <th className="py-2 font-medium">Part of</th>
              <th className="py-2 font-medium">Leads</th>
              <th className="py-2 font-medium">Members</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {teams.map((team) => (
              <tr key={team.id}>
                <td className="py-2 font-medium text-slate-900">{team.name}</td>
                <td className="py-2 text-slate-600">{team.parentId ? teamName.get(team.parentId) : "—"}</td>
                <td className="py-2 text-slate-600">
                  {team.members
                    .filter((m) => m.role === "lead")
                    .map((m) => m.name)
                    .join(", ") || "—"}
                </td>
                <td className="py-2 text-slate-600">
                  {team.members
                    .filter((m) => m.role === "member")
                    .map((m) => m.name)
                    .join(", ") || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="cycles-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="cycles-heading" className="text-base font-semibold">
          Cycles
        </h2>
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {cycles.map((c) => (
            <li key={c.id} className="flex items-center justify-between py-2">
              <span className="font-medium text-slate-900">{c.name}</span>
              <span className="text-slate-600">
                {c.startsOn} → {c.endsOn} · <span className="capitalize">{c.status}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
