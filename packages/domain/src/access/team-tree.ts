/**
 * Whether making `newParentId` the parent of `teamId` would put the team under
 * itself. `parentOf` maps each team to its current parent.
 */
export function wouldCreateTeamLoop(
  parentOf: ReadonlyMap<string, string | null>,
  teamId: string,
  newParentId: string | null,
): boolean {
  const seen = new Set<string>();
  for (let at = newParentId; at !== null; at = parentOf.get(at) ?? null) {
    if (at === teamId) return true;
    if (seen.has(at)) return true; // an existing loop: refuse rather than spin
    seen.add(at);
  }
  return false;
}
