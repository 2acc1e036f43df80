// Holm's step-down correction: with several treatments each compared to control, the chance of one false "winner" grows; Holm keeps it at α and is never less powerful than Bonferroni.

/** Holm-adjusted p-values, in the input order, each in [0, 1]. */
export function holmAdjust(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
