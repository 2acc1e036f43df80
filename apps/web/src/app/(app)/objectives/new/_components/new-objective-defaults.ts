import type { ObjectiveLevel, Role, TObjectiveCreate } from "@meridian/domain";

/** A key result as the form first shows it. */
export const BLANK_KEY_RESULT = {
  title: "",
  type: "increase_to",
  startValue: 0,
  targetValue: 100,
  unit: "number",
  unitLabel: "",
  weight: 1,
} as const satisfies NonNullable<TObjectiveCreate["keyResults"]>[number];

/** Levels a role may create; the server enforces the same rule. */
export function levelsFor(role: Role): ObjectiveLevel[] {
  if (role === "admin") return ["company", "team", "personal"];
  if (role === "manager") return ["team", "personal"];
  return ["personal"];
}

/**
 * What the form starts with: the cycle asked for, else the open one, else the first still planning;
 * the narrowest level the role may create; the caller's first team; one blank key result, published.
 */
export function newObjectiveDefaults({
  cycles,
  levels,
  teamId,
  initialCycleId,
  initialParentId,
}: {
  /** The cycles still open for planning (not closed). */
  cycles: readonly { id: string; status: string }[];
  levels: readonly ObjectiveLevel[];
  teamId: string | null;
  initialCycleId: string | null;
  initialParentId: string | null;
}): TObjectiveCreate {
  return {
    cycleId: initialCycleId ?? cycles.find((c) => c.status === "open")?.id ?? cycles[0]?.id ?? "",
    level: levels.at(-1) ?? "personal",
    title: "",
    description: "",
    teamId,
    parentId: initialParentId,
    strategicObjectiveId: null,
    visibility: "public",
    progressSource: "key_results",
    weight: 1,
    publish: true,
    keyResults: [BLANK_KEY_RESULT],
  };
}

const LEVEL_PREFIX: Record<ObjectiveLevel, string> = {
  company: "Company · ",
  team: "Team · ",
  personal: "Personal · ",
};

/** An "Aligns to" choice: its level, then its title ("Team · Build a pipeline"). */
export function parentLabel(o: { level: ObjectiveLevel; title: string }): string {
  return `${LEVEL_PREFIX[o.level]}${o.title}`;
}
