import { describe, expect, it } from "vitest";
import { BLANK_KEY_RESULT, levelsFor, newObjectiveDefaults, parentLabel } from "./new-objective-defaults";

describe("levelsFor", () => {
  it("lets admins write at every level, managers for teams and themselves, others only for themselves", () => {
    expect(levelsFor("admin")).toEqual(["company", "team", "personal"]);
    expect(levelsFor("manager")).toEqual(["team", "personal"]);
    expect(levelsFor("member")).toEqual(["personal"]);
    expect(levelsFor("viewer")).toEqual(["personal"]);
  });
});

describe("newObjectiveDefaults", () => {
  const cycles = [
    { id: "q3", status: "planning" },
    { id: "q2", status: "open" },
  ];
  const base = { cycles, levels: levelsFor("manager"), teamId: "t1", initialCycleId: null, initialParentId: null };

  it("starts in the open cycle at the narrowest level, with one blank key result, published", () => {
    const values = newObjectiveDefaults(base);
    expect(values.cycleId).toBe("q2");
    expect(values.level).toBe("personal");
    expect(values.teamId).toBe("t1");
    expect(values.publish).toBe(true);
    expect(values.keyResults).toEqual([BLANK_KEY_RESULT]);
  });

  it("takes the cycle and parent asked for", () => {
    const values = newObjectiveDefaults({ ...base, initialCycleId: "q3", initialParentId: "p1" });
    expect(values.cycleId).toBe("q3");
    expect(values.parentId).toBe("p1");
  });

  it("falls back to the first cycle still planning, or to none", () => {
    expect(newObjectiveDefaults({ ...base, cycles: [{ id: "q4", status: "planning" }] }).cycleId).toBe("q4");
    expect(newObjectiveDefaults({ ...base, cycles: [] }).cycleId).toBe("");
  });
});

describe("parentLabel", () => {
  it("names the level before the title", () => {
    expect(parentLabel({ level: "team", title: "Build a pipeline" })).toBe("Team · Build a pipeline");
    expect(parentLabel({ level: "company", title: "Grow" })).toBe("Company · Grow");
    expect(parentLabel({ level: "personal", title: "Learn" })).toBe("Personal · Learn");
  });
});
