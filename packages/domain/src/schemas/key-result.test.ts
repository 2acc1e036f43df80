import { describe, expect, it } from "vitest";
import { ZKeyResultUpdateSchema } from "./key-result";
import { ZObjectiveUpdateSchema } from "./objective";

const KR_ID = "123e4567-e89b-42d3-a456-426614174000";

/** "path: message" for every issue, or [] when parsing succeeded. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) ?? [];
}

describe("objective and key result titles", () => {
  // Postgres text cannot hold NUL: found by the fuzzer (seed 7) as a 500 on keyResults.update.
  it("refuse NUL characters with a message instead of passing them to the database", () => {
    const krUpdate = ZKeyResultUpdateSchema.safeParse({ keyResultId: KR_ID, version: 1, title: "a\u0000bcd" });
    expect(issues(krUpdate)).toContain("title: Text cannot contain NUL characters.");
    const objectiveUpdate = ZObjectiveUpdateSchema.safeParse({ objectiveId: KR_ID, version: 1, title: "Grow\u0000" });
    expect(issues(objectiveUpdate)).toContain("title: Text cannot contain NUL characters.");
    expect(ZObjectiveUpdateSchema.parse({ objectiveId: KR_ID, version: 1, title: "  Grow revenue  " }).title).toBe(
      "Grow revenue",
    );
  });
});
