/**
 * What the quarter-targets form shows for a quarter: that quarter's own override when it has one,
 * the KPI's default goal and red flag otherwise. The form starts from what is stored, so saving
 * it untouched changes nothing.
 */
export function storedQuarterTargets(
  periodStart: string,
  overrides: readonly { periodStart: string; goal: number; redFlag: number }[],
  defaults: { goal: number; redFlag: number },
): { goal: number; redFlag: number } {
  const own = overrides.find((t) => t.periodStart === periodStart);
  return own ? { goal: own.goal, redFlag: own.redFlag } : { goal: defaults.goal, redFlag: defaults.redFlag };
}
