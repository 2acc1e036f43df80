import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { requirePermission } from "~/server/permissions";
import { ActualsImport } from "./_components/actuals-import";

export const metadata: Metadata = { title: "Import KPI actuals" };

export default async function ImportActualsPage() {
  const me = await requirePermission("kpi.actuals.write");
  return (
    <div className="space-y-6">
      <PageHeader kicker="KPIs" title="Import actuals from CSV">
        <Link href="/kpis" className={buttonClass("secondary")}>
          Back to KPIs
        </Link>
      </PageHeader>
      <ActualsImport isAdmin={me.organization?.role === "admin"} />
    </div>
  );
}
