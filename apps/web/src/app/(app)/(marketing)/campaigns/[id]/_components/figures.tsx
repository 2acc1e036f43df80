import { type CampaignFigures, type Currency, formatMoney } from "@meridian/domain";
import { ui } from "~/components/ui/styles";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const times = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);

/** The campaign's figures, each blank until its inputs are entered (never 0 or infinity). */
export function Figures({
  campaign,
}: {
  campaign: {
    currency: Currency;
    spend: number | null;
    revenue: number | null;
    conversions: number | null;
    figures: CampaignFigures;
  };
}) {
  const { figures: f, currency } = campaign;
  const items: [string, string, string?][] = [
    ["Spend", formatMoney(campaign.spend, currency)],
    ["Revenue", formatMoney(campaign.revenue, currency)],
    ["Conversions", campaign.conversions === null ? "—" : campaign.conversions.toLocaleString("en")],
    ["ROI", pct(f.roi), "(revenue − spend) ÷ spend"],
    ["ROAS", times(f.roas), "revenue ÷ spend"],
    [
      "Cost per conversion",
      f.costPerConversion === null ? "—" : formatMoney(Math.round(f.costPerConversion), currency),
    ],
    ["Budget used", pct(f.budgetUsed)],
    ["Budget remaining", formatMoney(f.budgetRemaining, currency)],
  ];
  return (
    <section className={ui.card} aria-labelledby="figures-title">
      <h2 id="figures-title" className="text-base font-semibold text-slate-900">
        Figures
      </h2>
      {f.overBudget && <p className="mt-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">Over budget.</p>}
      <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {items.map(([label, value, hint]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500" title={hint}>
              {label}
            </dt>
            <dd className="mt-1 text-lg font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
