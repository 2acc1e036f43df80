/**
 * The four perspectives of Kaplan and Norton's balanced scorecard, top band
 * first: every organization starts with them and may rename, reweight,
 * reorder, add or remove them afterwards.
 */
export const DEFAULT_PERSPECTIVES = [
  { name: "Financial", weight: 1 },
  { name: "Customer", weight: 1 },
  { name: "Internal Process", weight: 1 },
  { name: "Learning & Growth", weight: 1 },
] as const satisfies readonly { name: string; weight: number }[];

/**
 * Why a requested order of perspectives cannot be applied, or null when it
 * names each of the organization's perspectives exactly once. A reorder that
 * left one out or named a stranger would scramble positions silently.
 */
export function perspectiveOrderError(requested: readonly string[], existing: readonly string[]): string | null {
  const known = new Set(existing);
  const seen = new Set<string>();
  for (const id of requested) {
    if (!known.has(id)) return "That order names a perspective this organization does not have.";
    if (seen.has(id)) return "Name each perspective once.";
    seen.add(id);
  }
  if (seen.size !== known.size) return "Name every perspective of the organization, in the new order.";
  return null;
}
