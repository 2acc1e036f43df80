import { numberFormat } from "../format/intl-formats";

/** Where a campaign runs. */
export const CAMPAIGN_CHANNELS = [
  "email",
  "paid_search",
  "paid_social",
  "organic_social",
  "content",
  "events",
  "partnerships",
  "other",
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export const CAMPAIGN_CHANNEL_LABELS: Record<CampaignChannel, string> = {
  email: "Email",
  paid_search: "Paid search",
  paid_social: "Paid social",
  organic_social: "Organic social",
  content: "Content",
  events: "Events",
  partnerships: "Partnerships",
  other: "Other",
};

export const CAMPAIGN_STATUSES = ["planned", "live", "done", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  planned: "Planned",
  live: "Live",
  done: "Done",
  cancelled: "Cancelled",
};

/**
 * The currencies a campaign may be budgeted in (ISO 4217). A short list on
 * purpose: each is one a marketing team books spend in, and each has a known
 * number of minor units.
 */
export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** How many minor units make a major one (100 cents to the euro, 1 yen to the yen), as Intl knows it. */
export function minorUnitDigits(currency: Currency): number {
  return numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units (1999) → major (19.99). */
export function toMajorUnits(minor: number, currency: Currency): number {
  return minor / 10 ** minorUnitDigits(currency);
}

/**
 * A major amount as typed (19.99) → integer minor units (1999), or null when it
 * has more decimals than the currency has minor units (19.999 EUR is not money).
 */
export function toMinorUnits(major: number, currency: Currency): number | null {
  if (!Number.isFinite(major)) return null;
  const scaled = major * 10 ** minorUnitDigits(currency);
  const rounded = Math.round(scaled);
  // Binary fractions: 19.99 * 100 is 1998.9999999999998, which is still 1999 cents.
  if (Math.abs(scaled - rounded) > 1e-6) return null;
  return rounded === 0 ? 0 : rounded;
}

/** "€1,250.00": minor units shown in their currency; blank stays blank ("—"). */
export function formatMoney(minor: number | null, currency: Currency, opts: { compact?: boolean } = {}): string {
  if (minor === null) return "—";
  return numberFormat("en", {
    style: "currency",
    currency,
    notation: opts.compact ? "compact" : "standard",
  }).format(toMajorUnits(minor, currency));
}
