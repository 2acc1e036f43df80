/** "12.34 %" for a rate; "—" when missing. */
export const pct = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || !Number.isFinite(x) ? "—" : `${(x * 100).toFixed(digits)} %`;

/** "+4.9 %" / "−3.1 %". */
export const signedPct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? "—"
    : `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(digits)} %`;

export const count = (n: number) => n.toLocaleString("en");
