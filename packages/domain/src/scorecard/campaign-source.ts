import {
  CAMPAIGN_CHANNEL_LABELS,
  type CampaignChannel,
  type Currency,
  toMajorUnits,
} from "../campaigns/campaign-definition";

/** What a KPI fed by campaigns sums from their results per period (ADR 0020). */
export const KPI_CAMPAIGN_MEASURES = ["spend", "revenue", "conversions"] as const;
export type KpiCampaignMeasure = (typeof KPI_CAMPAIGN_MEASURES)[number];

export const KPI_CAMPAIGN_MEASURE_LABELS: Record<KpiCampaignMeasure, string> = {
  spend: "Spend",
  revenue: "Attributed revenue",
  conversions: "Conversions",
};

/** Spend and revenue are money, summed in one currency; conversions are a count, summed across currencies. */
export function isMoneyMeasure(measure: KpiCampaignMeasure): boolean {
  return measure !== "conversions";
}

/** Which campaigns' results a campaign-fed KPI sums. */
export interface KpiCampaignSource {
  measure: KpiCampaignMeasure;
  /** Only this channel's campaigns; null: every channel. */
  channel: CampaignChannel | null;
  /** Money measures: only campaigns in this currency; null for conversions. */
  currency: Currency | null;
}

/**
 * A period's value of a campaign-fed KPI from the sum the database read: money
 * summed in integer minor units is shown in major units (1250.50 EUR, as goals
 * are typed); a count stays as it is. No results (null) stays blank, never 0.
 */
export function campaignKpiValue(sum: number | null, source: Pick<KpiCampaignSource, "measure" | "currency">) {
  if (sum === null) return null;
  return isMoneyMeasure(source.measure) && source.currency ? toMajorUnits(sum, source.currency) : sum;
}

/** "Sum of campaign spend in EUR, paid search campaigns only": where the KPI's numbers come from. */
export function campaignSourceLabel(source: KpiCampaignSource): string {
  const what = source.measure === "revenue" ? "attributed revenue" : source.measure;
  const money = isMoneyMeasure(source.measure) && source.currency ? ` in ${source.currency}` : "";
  const channel = source.channel ? `, ${CAMPAIGN_CHANNEL_LABELS[source.channel].toLowerCase()} campaigns only` : "";
  return `Sum of campaign ${what}${money}${channel}`;
}

/** The unit a new campaign-fed KPI is shown in: its currency, or "conversions". */
export function campaignKpiUnit(source: Pick<KpiCampaignSource, "measure" | "currency">): string {
  return isMoneyMeasure(source.measure) ? (source.currency ?? "") : "conversions";
}
