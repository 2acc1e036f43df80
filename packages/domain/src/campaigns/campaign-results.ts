import Papa from "papaparse";
import { MAX_CONVERSIONS, MAX_MINOR_AMOUNT } from "../schemas/campaign";
import { CURRENCIES, type Currency, toMinorUnits } from "./campaign-definition";

/** Rows one CSV import may hold. */
export const MAX_CSV_RESULT_ROWS = 10_000;

/** What reading results needs to know of a campaign. */
export interface ResultsCampaign {
  id: string;
  name: string;
  currency: Currency;
}

/** One period of one campaign as read from a CSV row or a pushed item, with what is wrong with it. */
export interface ResultEntry<C extends ResultsCampaign = ResultsCampaign> {
  campaign: C | null;
  periodStart: string | null;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
  errors: string[];
}

export interface CampaignResultsCsvRow<C extends ResultsCampaign = ResultsCampaign> extends ResultEntry<C> {
  line: number;
  cells: Record<(typeof RESULT_COLUMNS)[number], string>;
}

export type CampaignResultsCsvResult<C extends ResultsCampaign = ResultsCampaign> =
  | { ok: true; rows: CampaignResultsCsvRow<C>[] }
  | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLAIN_NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

export type CampaignLookup<C extends ResultsCampaign> = (ref: string) => { campaign: C } | { error: string };

/** Finds a campaign by id, or by name ignoring case and surrounding spaces. */
export function campaignLookup<C extends ResultsCampaign>(campaigns: readonly C[]): CampaignLookup<C> {
  const byId = new Map(campaigns.map((c) => [c.id.toLowerCase(), c]));
  const byName = new Map<string, C[]>();
  for (const c of campaigns) {
    const key = c.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return (ref) => {
    const text = ref.trim();
    if (!text) return { error: "Campaign is missing." };
    const found = UUID.test(text) ? byId.get(text.toLowerCase()) : undefined;
    if (found) return { campaign: found };
    const named = byName.get(text.toLowerCase()) ?? [];
    if (named.length > 1)
      return { error: `Several campaigns are named ${quote(text)}: use the campaign's id instead.` };
    const [campaign] = named;
    if (campaign) return { campaign };
    return { error: UUID.test(text) ? `No campaign has the id ${text}.` : `No campaign is named ${quote(text)}.` };
  };
}

/** A results period: a day ("2026-07-06") or a month ("2026-07", its first day). */
export function parseResultPeriod(text: string): string | null {
  const s = text.trim();
  const m = MONTH.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}-01` : null;
  const d = DAY.exec(s);
  if (!d) return null;
  const date = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== s) return null;
  return s >= "1900-01-01" && s <= "2999-12-31" ? s : null;
}

type Raw = string | number | null | undefined;
const isBlank = (raw: Raw) => raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");

/**
 * Reads one money figure: `major` when people typed it (1250.50 EUR), `minor`
 * when a machine sent integer minor units (125050). Blank stays blank.
 */
function readMoney(
  raw: Raw,
  what: string,
  currency: Currency | null,
  units: "major" | "minor",
  errors: string[],
): number | null {
  if (isBlank(raw)) return null;
  const text = typeof raw === "number" ? String(raw) : (raw as string).trim();
  const value = typeof raw === "number" ? raw : PLAIN_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (typeof raw === "number" ? !Number.isFinite(raw) : Number.isNaN(value)) {
    errors.push(
      text.startsWith("-")
        ? `${what} cannot be negative.`
        : `${what} ${quote(text)} is not a plain number, like 1250.50.`,
    );
    return null;
  }
  if (value < 0) {
    errors.push(`${what} cannot be negative.`);
    return null;
  }
  let minor: number | null = value;
  if (units === "minor") {
    if (!Number.isInteger(value)) {
      errors.push(`${what} must be whole minor units (cents), like 125050 for 1250.50.`);
      return null;
    }
  } else if (currency) {
    minor = toMinorUnits(value, currency);
    if (minor === null) {
      errors.push(`${what} ${quote(text)} has more decimals than ${currency} has.`);
      return null;
    }
  } else return null;
  if (minor > MAX_MINOR_AMOUNT) {
    errors.push(`${what} is out of range.`);
    return null;
  }
  return minor;
}

function readCount(raw: Raw, errors: string[]): number | null {
  if (raw === null || raw === undefined || isBlank(raw)) return null;
  const text = String(raw).trim();
  const value = typeof raw === "number" ? raw : /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value)) {
    errors.push("Conversions must be a whole number.");
    return null;
  }
  if (value < 0) {
    errors.push("Conversions cannot be negative.");
    return null;
  }
  if (value > MAX_CONVERSIONS) {
    errors.push("Conversions are out of range.");
    return null;
  }
  return value;
}

export interface RawResult {
  campaign: string;
  period: string;
  currency: string;
  spend?: Raw;
  conversions?: Raw;
  revenue?: Raw;
}

/**
 * Reads one period of results as people or machines give it and collects
 * everything wrong with it: an unknown campaign, an unreadable period, a
 * currency other than the campaign's, negative or unreadable figures.
 */
export function readResultEntry<C extends ResultsCampaign>(
  input: RawResult,
  lookup: CampaignLookup<C>,
  units: "major" | "minor",
): ResultEntry<C> {
  const errors: string[] = [];
  const found = lookup(input.campaign);
  const campaign = "campaign" in found ? found.campaign : null;
  if ("error" in found) errors.push(found.error);

  const periodStart = input.period.trim() ? parseResultPeriod(input.period) : null;
  if (!input.period.trim()) errors.push("Period is missing.");
  else if (!periodStart)
    errors.push(`Cannot read the period ${quote(input.period.trim())}: use 2026-07-06 or 2026-07.`);

  const code = input.currency.trim().toUpperCase();
  let currency: Currency | null = null;
  if (!code) errors.push("Currency is missing.");
  else if (!(CURRENCIES as readonly string[]).includes(code)) errors.push(`${quote(code)} is not a currency we hold.`);
  else if (campaign && campaign.currency !== code) {
    errors.push(`${campaign.name} is budgeted in ${campaign.currency}, not ${code}: convert the amounts first.`);
  } else currency = code as Currency;

  const spend = readMoney(input.spend, "Spend", currency, units, errors);
  const conversions = readCount(input.conversions, errors);
  const revenue = readMoney(input.revenue, "Revenue", currency, units, errors);
  if (isBlank(input.spend) && isBlank(input.conversions) && isBlank(input.revenue)) {
    errors.push("Give spend, conversions or revenue.");
  }
  return { campaign, periodStart, spend, conversions, revenue, errors };
}

/** One value per campaign and period: a second one in the same file or push is an error. */
export function markDuplicateResults<E extends ResultEntry>(
  entries: readonly E[],
  describe: (index: number) => string,
) {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!entry.campaign || !entry.periodStart) return;
    const key = `${entry.campaign.id}|${entry.periodStart}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else entry.errors.push(`${entry.campaign.name} for ${entry.periodStart} is already given on ${describe(first)}.`);
  });
}

export const RESULT_COLUMNS = ["campaign", "period", "currency", "spend", "conversions", "revenue"] as const;
const REQUIRED = ["campaign", "period", "currency"] as const;

/**
 * Parses a CSV of campaign results: a header naming campaign, period, currency
 * and any of spend, conversions, revenue (money in major units, 1250.50).
 */
export function parseCampaignResultsCsv<C extends ResultsCampaign>(
  text: string,
  campaigns: readonly C[],
): CampaignResultsCsvResult<C> {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(normalized, { skipEmptyLines: "greedy", preview: MAX_CSV_RESULT_ROWS + 2 });
  const [header, ...body] = parsed.data;
  if (!header) return { ok: false, error: "The file is empty: it needs a header row and a row per period." };
  if (body.length > MAX_CSV_RESULT_ROWS) {
    return { ok: false, error: `The file has more than ${MAX_CSV_RESULT_ROWS.toLocaleString("en")} rows: split it.` };
  }
  const names = header.map((c) => c.trim().toLowerCase());
  const at = new Map(RESULT_COLUMNS.map((c) => [c, names.indexOf(c)]));
  const missing = REQUIRED.filter((c) => (at.get(c) ?? -1) < 0);
  if (missing.length) {
    return {
      ok: false,
      error: `The first row must name the columns ${REQUIRED.join(", ")}; missing: ${missing.join(", ")}.`,
    };
  }
  if (!["spend", "conversions", "revenue"].some((c) => (at.get(c as "spend") ?? -1) >= 0)) {
    return { ok: false, error: "The first row must name at least one of spend, conversions and revenue." };
  }
  if (!body.length) return { ok: false, error: "The file has a header but no rows." };
  const lookup = campaignLookup(campaigns);
  // Rows are numbered by their record (header = line 1); quoted line breaks are rare in this file.
  const rows: CampaignResultsCsvRow<C>[] = body.map((record, i) => {
    const cells = Object.fromEntries(
      RESULT_COLUMNS.map((c) => [c, record[at.get(c) ?? -1] ?? ""]),
    ) as CampaignResultsCsvRow<C>["cells"];
    return { line: i + 2, ...readResultEntry(cells, lookup, "major"), cells };
  });
  markDuplicateResults(rows, (i) => `line ${rows[i]?.line}`);
  return { ok: true, rows };
}

export const CAMPAIGN_RESULTS_CSV_EXAMPLE = `campaign,period,currency,spend,conversions,revenue
Spring launch,2026-04,EUR,1250.50,42,6300
`;
