import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { requirePermission } from "~/server/permissions";
import { ResultsImport } from "./_components/results-import";

export const metadata: Metadata = { title: "Import campaign results" };

export default async function ImportCampaignResultsPage() {
  await requirePermission("campaign.write");
  return (
    <div className="space-y-6">
      <PageHeader kicker="Campaigns" title="Import spend and results from CSV">
        <Link href="/campaigns" className={buttonClass("secondary")}>
          Back to the calendar
        </Link>
      </PageHeader>
      <ResultsImport />
    </div>
  );
}
