"use client";

import { CAMPAIGN_CHANNEL_LABELS, CAMPAIGN_STATUS_LABELS, formatMoney } from "@meridian/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { buttonClass } from "~/components/ui/button";
import { Field, PageHeader } from "~/components/ui/field";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Select } from "~/components/ui/select";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { RunningExperiments } from "./_components/running-experiments";
import { SpendChart } from "./_components/spend-chart";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const times = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Spend against budget by month, ROI and ROAS by channel, the campaigns live this week: each links to its source. */
export function MarketingView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const period = params.get("period");
  const currency = params.get("currency");
  const input = {
    ...(period && DAY.test(period) && { period }),
    ...(currency && /^[A-Z]{3}$/.test(currency) && { currency: currency as "EUR" }),
  };
  const dashboard = useQuery({ ...trpc.campaigns.dashboard.queryOptions(input), placeholderData: keepPreviousData });
  const d = dashboard.data;
  const shift = (by: number) => {
    if (!d) return;
    const start = new Date(`${d.quarter.start}T00:00:00Z`);
    start.setUTCMonth(start.getUTCMonth() + 3 * by);
    const next = new URLSearchParams(params.toString());
    next.set("period", start.toISOString().slice(0, 10));
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const money = (v: number | null) => (d ? formatMoney(v, d.currency) : "—");
  const quarterQuery = d ? `view=quarter&date=${d.quarter.start}` : "view=quarter";

  return (
    <div className="space-y-6">
      <PageHeader kicker="Marketing" title={d ? `Marketing dashboard · ${d.quarter.label}` : "Marketing dashboard"}>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => shift(-1)}>
            Previous quarter
          </button>
          <button type="button" className={buttonClass("secondary")} onClick={() => shift(1)}>
            Next quarter
          </button>
          <Link href={`/campaigns?${quarterQuery}`} className={buttonClass()}>
            Campaign calendar
          </Link>
        </div>
      </PageHeader>
      {dashboard.error && <p role="alert">{dashboard.error.message}</p>}
      {d && (
        <>
          <section className={`${ui.card} grid grid-cols-2 gap-4 sm:grid-cols-4`} aria-label="Quarter totals">
            {(
              [
                ["Budget", money(d.totals.budget)],
                ["Spend", money(d.totals.spend)],
                ["Revenue", money(d.totals.revenue)],
                ["ROI", pct(d.totals.figures.roi)],
              ] as const
            ).map(([label, value]) => (
              <Link key={label} href={`/campaigns?${quarterQuery}`} className="rounded-lg p-2 hover:bg-slate-50">
                <span className="block text-xs font-medium uppercase tracking-wide text-slate-500">{label}</span>
                <span className="mt-1 block text-xl font-semibold text-slate-900">{value}</span>
              </Link>
            ))}
            {d.currencies.length > 1 && (
              <Field label="Currency" className="col-span-2 text-sm text-slate-600 sm:col-span-4">
                {(id) => (
                  <Select
                    id={id}
                    value={d.currency}
                    onChange={(e) => {
                      const next = new URLSearchParams(params.toString());
                      next.set("currency", e.target.value);
                      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
                    }}
                  >
                    {d.currencies.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </Select>
                )}
              </Field>
            )}
            {d.otherCurrencyCampaigns > 0 && (
              <p className="col-span-2 text-xs text-slate-500 sm:col-span-4">
                {d.otherCurrencyCampaigns} campaign{d.otherCurrencyCampaigns === 1 ? "" : "s"} in other currencies are
                not in these sums.
              </p>
            )}
          </section>

          <section className={ui.card} aria-labelledby="spend-title">
            <h2 id="spend-title" className="text-base font-semibold text-slate-900">
              Spend against budget by month
            </h2>
            <SpendChart months={d.months} currency={d.currency} />
            <table className="mt-3 w-full text-sm">
              <caption className="sr-only">Spend and budget per month</caption>
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="py-1 font-medium">Month</th>
                  <th className="py-1 text-right font-medium">Budget</th>
                  <th className="py-1 text-right font-medium">Spend</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.months.map((m) => (
                  <tr key={m.start}>
                    <td className="py-1">
                      <Link className="text-indigo-700 hover:underline" href={`/campaigns?date=${m.start}`}>
                        {m.label}
                      </Link>
                    </td>
                    <td className="py-1 text-right">{money(m.budget === null ? null : Math.round(m.budget))}</td>
                    <td className="py-1 text-right">{money(m.spend)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className={ui.card} aria-labelledby="channels-title">
            <h2 id="channels-title" className="text-base font-semibold text-slate-900">
              ROI and ROAS by channel
            </h2>
            {d.channels.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No campaigns this quarter.</p>
            ) : (
              <ScrollBox label="Spend, revenue, ROI and ROAS per channel" className="mt-3">
                <table className="w-full min-w-[34rem] whitespace-nowrap text-sm">
                  <thead>
                    <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                      <th className="py-1 font-medium">Channel</th>
                      <th className="py-1 text-right font-medium">Spend</th>
                      <th className="py-1 text-right font-medium">Revenue</th>
                      <th className="py-1 text-right font-medium">ROI</th>
                      <th className="py-1 text-right font-medium">ROAS</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {d.channels.map((c) => (
                      <tr key={c.channel}>
                        <td className="py-1">
                          <Link
                            className="text-indigo-700 hover:underline"
                            href={`/campaigns?${quarterQuery}&channel=${c.channel}`}
                          >
                            {CAMPAIGN_CHANNEL_LABELS[c.channel]}
                          </Link>{" "}
                          <span className="text-xs text-slate-500">({c.campaigns})</span>
                        </td>
                        <td className="py-1 text-right">{money(c.spend)}</td>
                        <td className="py-1 text-right">{money(c.revenue)}</td>
                        <td className="py-1 text-right">{pct(c.figures.roi)}</td>
                        <td className="py-1 text-right">{times(c.figures.roas)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
          </section>

          <section className={ui.card} aria-labelledby="live-title">
            <h2 id="live-title" className="text-base font-semibold text-slate-900">
              Live this week
            </h2>
            {d.liveThisWeek.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">No campaign runs this week.</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100">
                {d.liveThisWeek.map((c) => (
                  <li key={c.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
                    <Link href={`/campaigns/${c.id}`} className="font-medium text-indigo-700 hover:underline">
                      {c.name}
                    </Link>
                    <span className="text-slate-600">
                      {CAMPAIGN_CHANNEL_LABELS[c.channel]} · {CAMPAIGN_STATUS_LABELS[c.status]} · until {c.endsOn}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <RunningExperiments />
    </div>
  );
}
