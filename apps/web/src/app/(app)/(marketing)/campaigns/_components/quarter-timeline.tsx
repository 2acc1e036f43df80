import { CAMPAIGN_CHANNEL_LABELS, type CampaignChannel } from "@meridian/domain";
import Link from "next/link";
import { daysBetween } from "~/components/campaigns/campaign-filters";
import { ScrollBox } from "~/components/ui/scroll-box";
import { CHANNEL_COLORS } from "./channel-colors";

interface TimelineCampaign {
  id: string;
  name: string;
  channel: CampaignChannel;
  startsOn: string;
  endsOn: string;
  team: { id: string; name: string } | null;
}

/** Packs a lane's campaigns into rows so that overlapping ones sit one above the other. */
function packRows<T extends { startsOn: string; endsOn: string }>(items: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (const item of [...items].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    const row = rows.find((r) => (r.at(-1)?.endsOn ?? "") < item.startsOn);
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows;
}

/**
 * The quarter as lanes (by channel or by team), one bar per campaign across
 * its dates; campaigns that overlap in a lane take rows of their own, so an
 * overlap is seen at a glance. Bars are links, so the keyboard reaches each.
 */
export function QuarterTimeline({
  campaigns,
  from,
  to,
  lanes,
}: {
  campaigns: readonly TimelineCampaign[];
  from: string;
  to: string;
  lanes: "channel" | "team";
}) {
  const total = daysBetween(from, to) + 1;
  const laneOf = (c: TimelineCampaign) =>
    lanes === "channel" ? CAMPAIGN_CHANNEL_LABELS[c.channel] : (c.team?.name ?? "No team");
  const groups = new Map<string, TimelineCampaign[]>();
  for (const c of campaigns) groups.set(laneOf(c), [...(groups.get(laneOf(c)) ?? []), c]);
  const months = [0, 1, 2].map((i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return {
      label: d.toLocaleDateString("en", { month: "long", timeZone: "UTC" }),
      left: (daysBetween(from, d.toISOString().slice(0, 10)) / total) * 100,
    };
  });
  if (!campaigns.length) return <p className="p-5 text-sm text-slate-600">No campaigns in this quarter.</p>;
  return (
    <ScrollBox label="Quarter timeline">
      <div className="min-w-[720px]">
        <div className="relative ml-36 h-6 border-b border-slate-200 text-xs text-slate-500">
          {months.map((m) => (
            <span
              key={m.label}
              className="absolute top-1 border-l border-slate-200 pl-1"
              style={{ left: `${m.left}%` }}
            >
              {m.label}
            </span>
          ))}
        </div>
        {[...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([lane, items]) => {
            const rows = packRows(items);
            return (
              <section key={lane} aria-label={`${lane} lane`} className="flex border-b border-slate-100">
                <h3 className="w-36 shrink-0 py-2 pr-2 text-sm font-medium text-slate-700">
                  {lane}
                  {rows.length > 1 && (
                    <span className="block text-xs font-normal text-amber-700">{rows.length} overlapping</span>
                  )}
                </h3>
                <div className="relative flex-1 py-1" style={{ height: `${rows.length * 30 + 8}px` }}>
                  {rows.flatMap((row, r) =>
                    row.map((c) => {
                      const start = Math.max(0, daysBetween(from, c.startsOn));
                      const end = Math.min(total - 1, daysBetween(from, c.endsOn));
                      return (
                        <Link
                          key={c.id}
                          href={`/campaigns/${c.id}`}
                          title={`${c.name}: ${c.startsOn} to ${c.endsOn}`}
                          className="absolute truncate rounded px-2 text-xs leading-6 font-medium text-white focus:outline-none focus:ring-2 focus:ring-indigo-400 focus:ring-offset-1"
                          style={{
                            left: `${(start / total) * 100}%`,
                            width: `${(Math.max(1, end - start + 1) / total) * 100}%`,
                            top: `${r * 30 + 4}px`,
                            backgroundColor: CHANNEL_COLORS[c.channel],
                          }}
                        >
                          {c.name}
                        </Link>
                      );
                    }),
                  )}
                </div>
              </section>
            );
          })}
      </div>
    </ScrollBox>
  );
}
