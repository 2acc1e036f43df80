import type { Metadata } from "next";
import Link from "next/link";
import { CampaignForm } from "~/components/campaigns/campaign-form";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { requirePermission } from "~/server/permissions";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const me = await requirePermission("campaign.write");
  return (
    <div className="space-y-6">
      <PageHeader kicker="Campaigns" title="New campaign">
        <Link href="/campaigns" className={buttonClass("secondary")}>
          Back to the calendar
        </Link>
      </PageHeader>
      <section className={ui.card}>
        <CampaignForm defaultOwnerId={me.user.id} />
      </section>
    </div>
  );
}
