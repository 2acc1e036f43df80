import { sql } from "@meridian/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/support";
import { runShaped } from "./shaped-statement";

const database = useTestDatabase();

describe("runShaped", () => {
  it("renders a shape once and fills its placeholders per call", async () => {
    let builds = 0;
    const build = () => {
      builds++;
      return sql`select ${sql.placeholder("word")}::text || '!' as said, ${sql.placeholder("n")}::int * 2 as twice`;
    };
    const first = await runShaped<{ said: string; twice: number }>(database.db, "test:echo", build, {
      word: "one",
      n: 2,
    });
    const second = await runShaped<{ said: string; twice: number }>(database.db, "test:echo", build, {
      word: "two",
      n: 5,
    });
    expect(first).toEqual([{ said: "one!", twice: 4 }]);
    expect(second).toEqual([{ said: "two!", twice: 10 }]);
    expect(builds).toBe(1);
  });

  it("refuses a statement that writes a per-request value instead of its placeholder", async () => {
    const userId = "6f1c8a52-8d7e-4a4e-9a53-1d0c2b7e9f10";
    await expect(
      runShaped(database.db, "test:baked", () => sql`select ${userId}::uuid as id`, { userId }),
    ).rejects.toThrow(/not a placeholder/);
  });
});
