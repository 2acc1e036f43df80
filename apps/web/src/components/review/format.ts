/** A score change on the 0–10 scale: "+1.2", "−0.4", "±0.0"; "—" when either side is missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return "—";
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return "±0.0";
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}
