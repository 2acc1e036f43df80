import { describe, expect, it } from "vitest";
import { ZStrategyLinkSchema } from "./strategy-link";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("strategy links", () => {
  it("refuses a link from an objective to itself, whatever the letter case", () => {
    const result = ZStrategyLinkSchema.safeParse({ causeId: A, effectId: A.toUpperCase() });
    expect(result.success).toBe(false);
    expect(messages(result)[0]).toMatch(/its own cause/);
    expect(ZStrategyLinkSchema.parse({ causeId: A, effectId: B })).toEqual({ causeId: A, effectId: B });
  });
});
