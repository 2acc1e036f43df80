import { describe, expect, it } from "vitest";
import { ZExperimentCreateSchema, ZExperimentResultsSaveSchema } from "../schemas/experiment";
import { parseResultsCsv } from "./results-csv";

const target = {
  variants: [
    { id: "v-control", name: "Control" },
    { id: "v-b", name: "Treatment B" },
  ],
  metrics: [
    { id: "m-primary", name: "Signup", isPrimary: true },
    { id: "m-second", name: "Activation", isPrimary: false },
  ],
};

describe("parseResultsCsv", () => {
  it("reads rows in any column order and case, the primary metric when none is named", () => {
    const result = parseResultsCsv(
      "Conversions,Variant,DAY,exposures,metric\n96,control,2026-07-01,1200,\n30,Treatment B,2026-07-01,1185,activation\n",
      target,
    );
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          line: 2,
          variantId: "v-control",
          metricId: "m-primary",
          day: "2026-07-01",
          exposures: 1200,
          conversions: 96,
          errors: [],
        },
        { line: 3, variantId: "v-b", metricId: "m-second", exposures: 1185, conversions: 30, errors: [] },
      ],
    });
  });

  it("names every problem of a row: negative counts, more conversions than exposures, unknown names, repeats", () => {
    const result = parseResultsCsv(
      "day,variant,exposures,conversions\n2026-07-01,Control,-5,1\n2026-07-01,Treatment B,10,11\n07/01/2026,Treatment C,1.5,\n2026-07-01,Treatment B,10,1\n",
      target,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((r) => r.errors)).toEqual([
      ["Exposures cannot be negative."],
      ["Conversions cannot be more than exposures."],
      [
        'Cannot read the day "07/01/2026": use a date like 2026-07-01.',
        'No variant is named "Treatment C".',
        'Exposures "1.5" is not a whole number.',
        "Conversions is missing.",
      ],
      ["Treatment B on 2026-07-01 is already given on line 3."],
    ]);
  });

  it("refuses a file without the columns it needs", () => {
    expect(parseResultsCsv("day,variant,visitors\n2026-07-01,Control,5\n", target)).toEqual({
      ok: false,
      error:
        "The first row must name the columns day, variant, exposures and conversions; missing: exposures, conversions.",
    });
    expect(parseResultsCsv("", target)).toMatchObject({ ok: false });
  });
});

describe("experiment schemas", () => {
  const id = "6f1c1b5e-3c3a-4a52-9d8e-6a7c3c6b1a01";
  it("refuses an end before the start, one variant, and a zero effect", () => {
    const r = ZExperimentCreateSchema.safeParse({
      name: "Checkout",
      ownerId: id,
      teamId: id,
      startDate: "2026-07-10",
      endDate: "2026-07-01",
      minimumDetectableEffect: 0,
      variants: [{ name: "Control", weight: 1 }],
    });
    expect(r.success).toBe(false);
    const messages = r.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("The minimum detectable effect cannot be 0 %.");
    expect(messages).toContain("An experiment needs a control and at least one treatment.");
  });

  it("refuses an effect that rounds to 0 in the stored basis points (found by the API fuzzer: 5e-324)", () => {
    const base = {
      name: "Tiny",
      ownerId: id,
      teamId: id,
      variants: [
        { name: "A", weight: 1 },
        { name: "B", weight: 1 },
      ],
    };
    for (const minimumDetectableEffect of [5e-324, -5e-324, 0.004]) {
      expect(ZExperimentCreateSchema.safeParse({ ...base, minimumDetectableEffect }).success).toBe(false);
    }
    expect(ZExperimentCreateSchema.safeParse({ ...base, minimumDetectableEffect: 0.01 }).success).toBe(true);
  });

  it("refuses negative counts and more conversions than exposures", () => {
    const r = ZExperimentResultsSaveSchema.safeParse({
      experimentId: id,
      metricId: id,
      rows: [
        { variantId: id, day: "2026-07-01", exposures: -1, conversions: 0 },
        { variantId: id, day: "2026-07-02", exposures: 10, conversions: 11 },
      ],
    });
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "Exposures cannot be negative.",
      "Conversions cannot be more than exposures.",
    ]);
  });
});
