import { describe, expect, it } from "vitest";
import { keyResultProgress } from "./key-result-progress";
import {
  type ObjectiveProgress,
  type ProgressSource,
  type RollupObjective,
  rollupObjectives,
  type WeightedProgress,
  weightedProgress,
} from "./objective-rollup";

/** A key result item with data, at the given progress and weight. */
const kr = (progress: number, weight = 1): WeightedProgress => ({ progress, weight, hasData: true });

const objective = (
  id: string,
  parentId: string | null,
  progressSource: ProgressSource,
  keyResults: readonly WeightedProgress[] = [],
  weight = 1,
): RollupObjective => ({ id, parentId, progressSource, keyResults, weight });

function get(result: Map<string, ObjectiveProgress>, id: string): ObjectiveProgress {
  const p = result.get(id);
  if (!p) throw new Error(`no progress for ${id}`);
  return p;
}

describe("weightedProgress", () => {
  it("weights 3 and 1 at 0.8 and 0.4: (3·0.8 + 1·0.4) / 4 = 0.7", () => {
    const p = weightedProgress([kr(0.8, 3), kr(0.4, 1)]);
    expect(p.progress).toBeCloseTo(0.7, 12);
    expect(p.hasData).toBe(true);
  });

  it("drops zero, negative and NaN weights: only the weight-2 item at 0.3 counts", () => {
    const p = weightedProgress([kr(1, 0), kr(1, -1), kr(1, Number.NaN), kr(0.3, 2)]);
    expect(p).toEqual({ progress: 0.3, hasData: true });
  });

  it("is no data for an empty list or all-zero weights", () => {
    expect(weightedProgress([])).toEqual({ progress: 0, hasData: false });
    expect(weightedProgress([kr(0.9, 0)])).toEqual({ progress: 0, hasData: false });
  });

  it("counts an item without data as 0 but has data if any item has: (0.8 + 0) / 2 = 0.4", () => {
    const p = weightedProgress([kr(0.8), { progress: 0, weight: 1, hasData: false }]);
    expect(p).toEqual({ progress: 0.4, hasData: true });
  });

  it("has no data when no item has data", () => {
    const p = weightedProgress([{ progress: 0, weight: 2, hasData: false }]);
    expect(p).toEqual({ progress: 0, hasData: false });
  });
});

describe("rollupObjectives: one objective", () => {
  it("mixes types: decrease 85→60 at 70 (0.6, w2), milestone done (1, w1), 45% (0.45, w1) → (1.2 + 1 + 0.45) / 4 = 0.6625", () => {
    const items: WeightedProgress[] = [
      { ...keyResultProgress({ type: "decrease_to", startValue: 85, targetValue: 60 }, 70), weight: 2 },
      { ...keyResultProgress({ type: "milestone", startValue: 0, targetValue: 1 }, 1), weight: 1 },
      { ...keyResultProgress({ type: "percentage", startValue: 0, targetValue: 100 }, 45), weight: 1 },
    ];
    const p = get(rollupObjectives([objective("o", null, "key_results", items)]), "o");
    expect(p.progress).toBeCloseTo(0.6625, 12);
    expect(p.hasData).toBe(true);
    expect(p.measurable).toBe(true);
  });

  it("an objective with no key results and no children is not measurable", () => {
    const p = get(rollupObjectives([objective("o", null, "both")]), "o");
    expect(p).toEqual({ progress: 0, hasData: false, measurable: false });
  });

  it("key results nobody has checked in on are measurable but have no data", () => {
    const noCheckIn = {
      ...keyResultProgress({ type: "increase_to", startValue: 0, targetValue: 10 }, null),
      weight: 1,
    };
    const p = get(rollupObjectives([objective("o", null, "key_results", [noCheckIn])]), "o");
    expect(p).toEqual({ progress: 0, hasData: false, measurable: true });
  });

  it("treats a parent outside the given set as a root", () => {
    const p = get(rollupObjectives([objective("o", "not-loaded", "key_results", [kr(0.25)])]), "o");
    expect(p.progress).toBe(0.25);
  });
});

describe("rollupObjectives: alignment tree", () => {
  // company C (aligned_objectives)
  // ├── team T1, weight 3 (both): own KR 0.5 w1
  // │   ├── personal P1, weight 1: KR 1.0
  // │   └── personal P2, weight 3: KR 0.2
  // └── team T2, weight 1 (key_results): KR 0.9 w2, KR 0.3 w1
  const tree: RollupObjective[] = [
    objective("P2", "T1", "key_results", [kr(0.2)], 3),
    objective("C", null, "aligned_objectives", [kr(0, 5)]), // ignored: source is aligned_objectives
    objective("T1", "C", "both", [kr(0.5, 1)], 3),
    objective("P1", "T1", "key_results", [kr(1)], 1),
    objective("T2", "C", "key_results", [kr(0.9, 2), kr(0.3, 1)], 1),
  ];

  it("rolls up three levels with weights at each level", () => {
    const r = rollupObjectives(tree);
    expect(r.size).toBe(5);
    // T2 = (2·0.9 + 1·0.3) / 3 = 2.1 / 3 = 0.7
    expect(get(r, "T2").progress).toBeCloseTo(0.7, 12);
    // T1 (both) = (1·0.5 [own KR] + 1·1.0 [P1] + 3·0.2 [P2]) / 5 = 2.1 / 5 = 0.42
    expect(get(r, "T1").progress).toBeCloseTo(0.42, 12);
    // C = (3·0.42 + 1·0.7) / 4 = 1.96 / 4 = 0.49
    expect(get(r, "C").progress).toBeCloseTo(0.49, 12);
    expect(get(r, "C").measurable).toBe(true);
  });

  it("gives the same result whatever order objectives are listed in", () => {
    const forward = rollupObjectives(tree);
    const reversed = rollupObjectives([...tree].reverse());
    for (const id of ["C", "T1", "T2", "P1", "P2"]) {
      expect(get(reversed, id).progress).toBeCloseTo(get(forward, id).progress, 12);
    }
  });

  it("key_results ignores aligned children; aligned_objectives ignores own key results", () => {
    const r = rollupObjectives([
      objective("byKr", null, "key_results", [kr(0.2)]),
      objective("child1", "byKr", "key_results", [kr(1)]),
      objective("byChildren", null, "aligned_objectives", [kr(0.2)]),
      objective("child2", "byChildren", "key_results", [kr(1)]),
    ]);
    expect(get(r, "byKr").progress).toBe(0.2);
    expect(get(r, "byChildren").progress).toBe(1);
  });

  it("leaves unmeasurable children out of the mean: A 0.8 (w1) and empty B (w5) → 0.8, not 0.8/6", () => {
    const r = rollupObjectives([
      objective("parent", null, "aligned_objectives"),
      objective("A", "parent", "key_results", [kr(0.8)], 1),
      objective("B", "parent", "key_results", [], 5),
    ]);
    expect(get(r, "B").measurable).toBe(false);
    expect(get(r, "parent")).toEqual({ progress: 0.8, hasData: true, measurable: true });
  });

  it("a parent whose children are all unmeasurable is itself unmeasurable", () => {
    const r = rollupObjectives([
      objective("parent", null, "aligned_objectives"),
      objective("empty", "parent", "aligned_objectives"),
    ]);
    expect(get(r, "parent")).toEqual({ progress: 0, hasData: false, measurable: false });
  });

  it("leaves a child without check-ins out of the mean: A 0.8 and a new, silent child → 0.8, not (0.8 + 0) / 2", () => {
    const r = rollupObjectives([
      objective("parent", null, "aligned_objectives"),
      objective("A", "parent", "key_results", [kr(0.8)]),
      objective("silent", "parent", "key_results", [{ progress: 0, weight: 1, hasData: false }]),
    ]);
    expect(get(r, "parent")).toEqual({ progress: 0.8, hasData: true, measurable: true });
  });

  it("a parent whose children all lack data has no data, but is measurable", () => {
    const r = rollupObjectives([
      objective("parent", null, "aligned_objectives"),
      objective("new1", "parent", "key_results", [{ progress: 0, weight: 1, hasData: false }]),
      objective("new2", "parent", "key_results", [{ progress: 0, weight: 3, hasData: false }]),
    ]);
    expect(get(r, "parent")).toEqual({ progress: 0, hasData: false, measurable: true });
  });

  it("both: own key results 0.6 (w1), a silent child (w3) left out → 0.6; a grandparent sees 0.6 too", () => {
    const r = rollupObjectives([
      objective("top", null, "aligned_objectives"),
      objective("mid", "top", "both", [kr(0.6)]),
      objective("silent", "mid", "key_results", [{ progress: 0, weight: 1, hasData: false }], 3),
      objective("other", "top", "key_results", [{ progress: 0, weight: 1, hasData: false }], 2),
    ]);
    expect(get(r, "mid")).toEqual({ progress: 0.6, hasData: true, measurable: true });
    // "other" has no data either: top = 0.6 from mid alone, not (1·0.6 + 2·0) / 3 = 0.2
    expect(get(r, "top").progress).toBeCloseTo(0.6, 12);
  });

  it("a stored child without data stays out as well: (known 0, no data, w4) beside 0.5 → 0.5", () => {
    const r = rollupObjectives([
      objective("parent", null, "aligned_objectives"),
      objective("A", "parent", "key_results", [kr(0.5)]),
      {
        ...objective("stored", "parent", "key_results", [], 4),
        known: { progress: 0, hasData: false, measurable: true },
      },
    ]);
    expect(get(r, "parent")).toEqual({ progress: 0.5, hasData: true, measurable: true });
  });

  it("drops a child with weight 0", () => {
    const r = rollupObjectives([
      objective("parent", null, "aligned_objectives"),
      objective("A", "parent", "key_results", [kr(0.6)], 2),
      objective("ignored", "parent", "key_results", [kr(0)], 0),
    ]);
    expect(get(r, "parent").progress).toBe(0.6);
  });
});

describe("rollupObjectives: loops", () => {
  it("throws on a two-objective alignment loop", () => {
    const loop = [objective("a", "b", "both", [kr(0.5)]), objective("b", "a", "both", [kr(0.5)])];
    expect(() => rollupObjectives(loop)).toThrow(/^Alignment loop through objective (a|b)$/);
  });

  it("throws on an objective aligned to itself", () => {
    expect(() => rollupObjectives([objective("self", "self", "aligned_objectives")])).toThrow(
      "Alignment loop through objective self",
    );
  });

  it("throws on a three-objective loop hanging off a valid root", () => {
    const objectives = [
      objective("root", null, "aligned_objectives"),
      objective("x", "z", "aligned_objectives"),
      objective("y", "x", "aligned_objectives"),
      objective("z", "y", "aligned_objectives"),
    ];
    expect(() => rollupObjectives(objectives)).toThrow(/Alignment loop/);
  });
});

describe("rollupObjectives loop detection whatever the progress source", () => {
  it("throws on a loop between objectives that both read only their key results", () => {
    const base = { weight: 1, progressSource: "key_results" as const, keyResults: [] };
    expect(() =>
      rollupObjectives([
        { ...base, id: "a", parentId: "b" },
        { ...base, id: "b", parentId: "a" },
      ]),
    ).toThrow(/loop/i);
  });
});

describe("rollupObjectives with stored progress", () => {
  const kr = (progress: number, weight = 1) => ({ progress, hasData: true, weight });

  it("uses a known child's progress as is, without its key results", () => {
    const result = rollupObjectives([
      { id: "parent", parentId: null, weight: 1, progressSource: "both", keyResults: [kr(1)] },
      {
        id: "stored",
        parentId: "parent",
        weight: 3,
        progressSource: "key_results",
        keyResults: [],
        known: { progress: 0.2, hasData: true, measurable: true },
      },
    ]);
    // (1·1 + 3·0.2) / 4
    expect(result.get("parent")?.progress).toBeCloseTo(0.4);
    expect(result.has("stored")).toBe(false);
  });

  it("gives the same answer as recomputing everything when the stored figure is right", () => {
    const leaf = {
      id: "leaf",
      parentId: "mid",
      weight: 2,
      progressSource: "key_results" as const,
      keyResults: [kr(0.5), kr(1, 3)],
    };
    const mid = { id: "mid", parentId: "top", weight: 1, progressSource: "both" as const, keyResults: [kr(0)] };
    const top = { id: "top", parentId: null, weight: 1, progressSource: "aligned_objectives" as const, keyResults: [] };
    const full = rollupObjectives([leaf, mid, top]);
    const leafProgress = full.get("leaf");
    if (!leafProgress) throw new Error("leaf not rolled up");
    const partial = rollupObjectives([{ ...leaf, keyResults: [], known: leafProgress }, mid, top]);
    expect(partial.get("top")).toEqual(full.get("top"));
    expect(partial.get("mid")).toEqual(full.get("mid"));
  });

  it("ignores a known objective's children: its figure already holds them", () => {
    const result = rollupObjectives([
      {
        id: "stored",
        parentId: null,
        weight: 1,
        progressSource: "aligned_objectives",
        keyResults: [],
        known: { progress: 0.9, hasData: true, measurable: true },
      },
      { id: "child", parentId: "stored", weight: 1, progressSource: "key_results", keyResults: [kr(0)] },
    ]);
    expect(result.get("child")?.progress).toBe(0);
    expect(result.has("stored")).toBe(false);
  });
});
