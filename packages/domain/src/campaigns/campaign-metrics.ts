// The derived figures of a campaign (DESIGN.md, "Campaigns"). Money is in integer minor
// units of one currency; a blank input or a zero divisor gives a blank result, never 0 or infinity.

type Amount = number | null | undefined;

const blank = (...values: Amount[]) => values.some((v) => v === null || v === undefined);

/** ROI = (revenue − spend) ÷ spend: 0.5 is 50 % more back than was spent, −1 is nothing back. */
export function campaignRoi(revenue: Amount, spend: Amount): number | null {
  if (blank(revenue, spend) || spend === 0) return null;
  return ((revenue as number) - (spend as number)) / (spend as number);
}

/** ROAS = revenue ÷ spend: 3 is three of revenue per one spent. */
export function campaignRoas(revenue: Amount, spend: Amount): number | null {
  if (blank(revenue, spend) || spend === 0) return null;
  return (revenue as number) / (spend as number);
}

/** Cost per conversion = spend ÷ conversions, in the spend's minor units (may be fractional). */
export function costPerConversion(spend: Amount, conversions: Amount): number | null {
  if (blank(spend, conversions) || conversions === 0) return null;
  return (spend as number) / (conversions as number);
}

/** The share of the budget spent: 1.2 is 20 % over budget. */
export function budgetUsed(spend: Amount, budget: Amount): number | null {
  if (blank(spend, budget) || budget === 0) return null;
  return (spend as number) / (budget as number);
}

/** Budget − spend, in minor units; negative when over budget. */
export function budgetRemaining(budget: Amount, spend: Amount): number | null {
  if (blank(budget, spend)) return null;
  const left = (budget as number) - (spend as number);
  return left === 0 ? 0 : left;
}

export interface CampaignTotals {
  budget: number | null;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
}

export interface CampaignFigures {
  roi: number | null;
  roas: number | null;
  costPerConversion: number | null;
  budgetUsed: number | null;
  budgetRemaining: number | null;
  overBudget: boolean;
}

/** Every derived figure of one campaign (or of any sum of campaigns in one currency). */
export function campaignFigures(t: CampaignTotals): CampaignFigures {
  const remaining = budgetRemaining(t.budget, t.spend);
  return {
    roi: campaignRoi(t.revenue, t.spend),
    roas: campaignRoas(t.revenue, t.spend),
    costPerConversion: costPerConversion(t.spend, t.conversions),
    budgetUsed: budgetUsed(t.spend, t.budget),
    budgetRemaining: remaining,
    overBudget: remaining !== null && remaining < 0,
  };
}

/** A sum that stays blank when every addend is blank (one entered value is a sum; none is no data). */
export function sumOrBlank(values: readonly Amount[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null && v !== undefined) total = (total ?? 0) + v;
  return total;
}
