/**
 * Whether making `newParentId` the parent of `id` would put it under itself —
 * for the team tree and the objective alignment tree alike. `parentOf` maps
 * each node to its current parent.
 */
export function wouldCreateLoop(
  parentOf: ReadonlyMap<string, string | null>,
  id: string,
  newParentId: string | null,
): boolean {
  const seen = new Set<string>();
  for (let at = newParentId; at !== null; at = parentOf.get(at) ?? null) {
    if (at === id) return true;
    if (seen.has(at)) return true; // an existing loop: refuse rather than spin
    seen.add(at);
  }
  return false;
}
