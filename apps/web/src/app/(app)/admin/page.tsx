import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { getCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Organization overview" };

export default async function AdminHome() {
  const caller = await getCaller();
  const me = await caller.me.get();
  if (!me.permissions.includes("organization.manage")) notFound();
  const { counts, setupTasks } = await caller.organizations.overview();
  const done = setupTasks.filter((t) => t.done).length;
  const stats = [
    { label: "People", value: counts.people },
    { label: "Admins", value: counts.admins },
    { label: "Teams", value: counts.teams },
    { label: "Open cycles", value: counts.openCycles },
    { label: "Objectives", value: counts.objectives },
    { label: "Awaiting first sign-in", value: counts.pendingPasswords },
  ];
  return (
    <div className="space-y-8">
      <PageHeader kicker="Organization overview" title={me.organization?.name ?? "Organization"} />
      <section aria-label="Organization figures" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="text-xs font-medium text-slate-500">{s.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{s.value}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="setup-heading" className={ui.card}>
        <div className="flex items-baseline justify-between">
          <h2 id="setup-heading" className="text-base font-semibold">
            Set-up checklist
          </h2>
          <p className="text-sm text-slate-500">
            {done} of {setupTasks.length} done
          </p>
        </div>
        <div className="mt-2 h-1.5 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          <div className="h-full bg-indigo-500" style={{ width: `${(done / setupTasks.length) * 100}%` }} />
        </div>
        <ul className="mt-4 divide-y divide-slate-100">
          {setupTasks.map((task) => (
            <li key={task.key} className="flex items-center justify-between py-3">
              <span className="flex items-center gap-3 text-sm">
                <span
                  aria-hidden="true"
                  className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${
                    task.done ? "bg-emerald-500 text-white" : "border border-slate-300 text-transparent"
                  }`}
                >
                  ✓
                </span>
                <span className={task.done ? "text-slate-500 line-through" : "text-slate-900"}>{task.label}</span>
                <span className="sr-only">{task.done ? "(done)" : "(to do)"}</span>
              </span>
              {!task.done && (
                <Link href={task.href} className="text-sm font-medium text-indigo-600 hover:underline">
                  Start
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Administration" className="grid gap-3 sm:grid-cols-3">
        {[
          { href: "/settings/users", title: "Users", text: "Invite people, change roles, deactivate accounts." },
          { href: "/settings/teams", title: "Teams", text: "Arrange the team tree, leads and members." },
          { href: "/settings/audit", title: "Audit log", text: "Who changed what, and when." },
        ].map((card) => (
          <Link key={card.href} href={card.href} className={`${ui.card} block hover:border-indigo-300`}>
            <h2 className="font-semibold text-slate-900">{card.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{card.text}</p>
          </Link>
        ))}
      </section>
    </div>
  );
}
