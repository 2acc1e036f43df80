import { describe, expect, it } from "vitest";
import { ZStrategyMapInputSchema } from "./strategy-map";

describe("the strategy map", () => {
  it("reads the map of a day's quarter, or of today's when no day is given", () => {
    expect(ZStrategyMapInputSchema.parse(undefined)).toEqual({});
    expect(ZStrategyMapInputSchema.parse({ period: "2026-08-15" })).toEqual({ period: "2026-08-15" });
    expect(ZStrategyMapInputSchema.safeParse({ period: "2026-13-01" }).success).toBe(false);
    expect(ZStrategyMapInputSchema.safeParse({ period: "0001-01-01" }).success).toBe(false);
  });
});
