"use client";

import { CAMPAIGN_CHANNEL_LABELS, CAMPAIGN_STATUS_LABELS, formatMoney } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { CampaignForm } from "~/components/campaigns/campaign-form";
import { Button, buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { CampaignLinks } from "./_components/campaign-links";
import { Figures } from "./_components/figures";
import { ResultsGrid } from "./_components/results-grid";
import { TaggedLink } from "./_components/tagged-link";

export function CampaignView({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const campaign = useQuery(trpc.campaigns.get.queryOptions({ campaignId }));
  const [editing, setEditing] = useState(false);
  const c = campaign.data;
  if (!c) return <p className="text-slate-600">{campaign.error?.message ?? "Loading…"}</p>;
  return (
    <div className="space-y-6">
      <PageHeader kicker={`Campaign · ${CAMPAIGN_CHANNEL_LABELS[c.channel]}`} title={c.name}>
        <div className="flex flex-wrap gap-2">
          <Link href={`/campaigns?date=${c.startsOn}`} className={buttonClass("secondary")}>
            On the calendar
          </Link>
          {c.canManage && !editing && <Button onClick={() => setEditing(true)}>Edit campaign</Button>}
        </div>
      </PageHeader>
      <section className={`${ui.card} grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4`} aria-label="About">
        <Fact label="Status">{CAMPAIGN_STATUS_LABELS[c.status]}</Fact>
        <Fact label="Dates">
          {c.startsOn} → {c.endsOn}
        </Fact>
        <Fact label="Owner">{c.owner.name}</Fact>
        <Fact label="Team">{c.team?.name ?? "No team"}</Fact>
        <Fact label="Budget">{formatMoney(c.budget, c.currency)}</Fact>
      </section>
      <CampaignLinks campaign={c} />
      {editing && (
        <section className={ui.card} aria-label="Edit campaign">
          <CampaignForm campaign={c} defaultOwnerId={c.ownerId} onDone={() => setEditing(false)} />
        </section>
      )}
      <Figures campaign={c} />
      <TaggedLink link={c.taggedLink} />
      <ResultsGrid campaign={c} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-slate-900">{children}</p>
    </div>
  );
}
