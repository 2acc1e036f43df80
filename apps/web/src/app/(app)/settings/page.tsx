import type { Metadata } from "next";
import { ui } from "~/components/ui/styles";
import { requirePermission } from "~/server/permissions";
import { getCaller } from "~/trpc/server";
import { OrganizationSettingsForm } from "./_components/organization-settings-form";

export const metadata: Metadata = { title: "Organization settings" };

export default async function OrganizationSettingsPage() {
  await requirePermission("settings.view");
  const caller = await getCaller();
  const [settings, cycles] = await Promise.all([caller.organizations.settings(), caller.cycles.list()]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="org-heading" className={ui.card}>
        <h2 id="org-heading" className="text-base font-semibold">
          Organization
        </h2>
        <OrganizationSettingsForm settings={settings} />
      </section>
      <section aria-labelledby="cycles-heading" className={ui.card}>
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
