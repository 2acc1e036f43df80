import { describe, expect, it } from "vitest";
import { callerFor, DEMO, seedDemoOrganization, useTestDatabase } from "../../../test/support";

const database = useTestDatabase();

describe("the demo's experiments", () => {
  it("are one concluded winner, one running without enough data, and one with a sample-ratio mismatch", async () => {
    await seedDemoOrganization(database.db);
    const viewer = await callerFor(database.db, DEMO.viewer);
    const { experiments } = await viewer.experiments.list({});
    const byName = Object.fromEntries(experiments.map((e) => [e.name, e]));
    expect(byName["Checkout button copy"]).toMatchObject({
      status: "concluded",
      decision: "ship_winner",
      verdict: "treatment_wins",
      leadingVariant: { name: "Treatment B" },
    });
    expect(byName["Checkout button copy"]?.verdictText).toMatch(
      /^Treatment B converts 2\d % better than Control \(p < 0.001/,
    );
    expect(byName["Pricing page layout"]).toMatchObject({ status: "running", verdict: "not_enough_data" });
    expect(byName["Onboarding email subject"]).toMatchObject({ status: "running", verdict: "sample_ratio_mismatch" });
    expect(experiments.every((e) => !e.canEdit)).toBe(true);
  });
});
