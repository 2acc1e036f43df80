import { describe, expect, it } from "vitest";
import { type ExperimentPlanSnapshot, lockedChanges, lockedChangesMessage } from "./plan-lock";

const saved: ExperimentPlanSnapshot = {
  startDate: "2026-07-01",
  minimumDetectableEffect: 10,
  alpha: 5,
  power: 80,
  baselineRate: null,
  variants: [
    { name: "Control", weight: 50 },
    { name: "Treatment B", weight: 50 },
  ],
  primaryMetric: "Conversion",
  secondaryMetrics: ["Revenue"],
};

describe("what an experiment's edit may change once it has started", () => {
  it("leaves a draft's plan free", () => {
    expect(lockedChanges("draft", saved, { power: 90, variants: [{ name: "A", weight: 1 }] })).toEqual([]);
  });

  it("accepts the plan sent back unchanged, rates compared in whole basis points", () => {
    expect(
      lockedChanges("running", saved, {
        ...saved,
        minimumDetectableEffect: 10.0000001,
        secondaryMetrics: ["revenue "],
      }),
    ).toEqual([]);
  });

  it("names every locked part a running or stopped experiment's edit would change", () => {
    const next = {
      startDate: "2026-07-02",
      minimumDetectableEffect: 12,
      alpha: 1,
      power: 90,
      baselineRate: 4,
      variants: [
        { name: "Control", weight: 60 },
        { name: "Treatment B", weight: 40 },
      ],
      primaryMetric: "Signups",
      secondaryMetrics: [],
    };
    expect(lockedChanges("stopped", saved, next)).toEqual([
      "startDate",
      "minimumDetectableEffect",
      "alpha",
      "power",
      "baselineRate",
      "variants",
      "primaryMetric",
      "secondaryMetrics",
    ]);
    expect(lockedChangesMessage(["variants", "primaryMetric"])).toBe(
      "The experiment has started, so the variants and their planned split and the primary metric can no longer change: its numbers so far were collected under that plan.",
    );
  });

  it("lets secondary metrics be added, a treatment renamed is a change", () => {
    expect(lockedChanges("running", saved, { secondaryMetrics: ["Revenue", "Bounce"] })).toEqual([]);
    expect(
      lockedChanges("running", saved, {
        variants: [
          { name: "Control", weight: 50 },
          { name: "Treatment C", weight: 50 },
        ],
      }),
    ).toEqual(["variants"]);
  });
});
