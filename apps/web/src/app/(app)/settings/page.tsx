import type { Metadata } from "next";
import { SettingsSection } from "~/components/settings/settings-section";
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
      <SettingsSection title="Organization">
        <OrganizationSettingsForm settings={settings} />
      </SettingsSection>
      <SettingsSection title="Cycles">
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
      </SettingsSection>
    </div>
  );
}
