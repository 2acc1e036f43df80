export interface TreeTeam {
  id: string;
  parentId: string | null;
  name: string;
}

/** Teams in tree order (parents before their children, siblings by name) with their depth. */
export function inTreeOrder<T extends TreeTeam>(teams: readonly T[]): { team: T; depth: number }[] {
  const ids = new Set(teams.map((t) => t.id));
  const children = new Map<string | null, T[]>();
  for (const team of teams) {
    const parent = team.parentId && ids.has(team.parentId) ? team.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const out: { team: T; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const team of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ team, depth });
      walk(team.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
