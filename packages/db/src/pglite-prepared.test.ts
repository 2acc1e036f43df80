import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { literal, preparingStatementsOnPglite } from "./pglite-prepared";

/*
 * The embedded database's own statement cache, on a real PGlite (it applies to PGlite only, so this
 * runs there whatever DATABASE_URL says): what is prepared, that the answers are the ones an unnamed
 * statement gives, and that values cross as literals without changing.
 */
let pg: PGlite;

const preparedTexts = async () =>
  (await pg.query<{ statement: string }>("select statement from pg_prepared_statements")).rows.map((r) =>
    r.statement.replace(/^prepare \S+ as /i, ""),
  );

beforeAll(async () => {
  pg = preparingStatementsOnPglite(new PGlite("memory://"));
  await pg.exec(`
    create table notes (id uuid primary key, body text not null, n integer, done boolean, at timestamptz);
    create unique index notes_body_key on notes (body);
  `);
});
afterAll(async () => {
  await pg?.close();
});

describe("PGlite's prepared statements", () => {
  const insert = "insert into notes (id, body, n, done, at) values ($1, $2, $3, $4, $5) returning body, n, done";
  const bodies = [
    "plain",
    "it's quoted ''twice''",
    "back\\slash \\' and \\\\",
    "$1 and $$dollars$$",
    "ünïcødé — 東京 🚀",
    "",
    "semi; drop table notes; --",
  ];

  it("prepares a text the second time it is sent and answers as the unnamed statement does", async () => {
    const answers = [];
    for (const [i, body] of bodies.entries()) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
      answers.push((await pg.query(insert, [id, body, i, i % 2 === 0, "2026-12-06T10:00:00Z"])).rows[0]);
    }
    expect(answers).toEqual(bodies.map((body, i) => ({ body, n: i, done: i % 2 === 0 })));
    expect(await preparedTexts()).toContain(insert);
    const stored = await pg.query<{ body: string }>("select body from notes order by n");
    expect(stored.rows.map((r) => r.body)).toEqual(bodies);
    // Nothing beyond what was inserted: the quoted text stayed a value.
    expect((await pg.query<{ count: number }>("select count(*)::int as count from notes")).rows[0]?.count).toBe(7);
  });

  it("keeps nulls, booleans, numbers and big integers as the parameters would", async () => {
    const read = "select $1::text as t, $2::boolean as b, $3::numeric as n, $4::bigint as big, $5::int as i";
    const values = [null, false, 1.25, 9007199254740993n, -7];
    const first = (await pg.query(read, values)).rows[0];
    const second = (await pg.query(read, values)).rows[0];
    expect(await preparedTexts()).toContain(read);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ t: null, b: false, n: "1.25", i: -7 });
  });

  it("runs a statement with a value that is not a plain literal unprepared, and it still works", async () => {
    const read = "select $1::jsonb ->> 'a' as a";
    for (let i = 0; i < 3; i++) {
      expect((await pg.query(read, [{ a: "x" }])).rows[0]).toEqual({ a: "x" });
    }
    expect(await preparedTexts()).not.toContain(read);
  });

  it("answers a failure from a prepared statement with the database's own error", async () => {
    const error = await pg
      .query(insert, ["00000000-0000-4000-8000-000000000099", "plain", 1, true, null])
      .catch((e) => e);
    expect(error).toMatchObject({ code: "23505", constraint: "notes_body_key" });
    const bad = await pg.query(insert, ["not-a-uuid", "other", 1, true, null]).catch((e) => e);
    expect(bad).toMatchObject({ code: "22P02" });
    expect((await pg.query<{ count: number }>("select count(*)::int as count from notes")).rows[0]?.count).toBe(7);
  });

  it("leaves a text it cannot prepare, and what a transaction sends, to the unnamed statement", async () => {
    const multiple = "select 1 as one; select 2 as two";
    for (let i = 0; i < 2; i++) await expect(pg.query(multiple)).rejects.toThrow();
    const inTransaction = "select count(*)::int as count from notes where n > $1";
    await pg.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) expect((await tx.query(inTransaction, [3])).rows[0]).toEqual({ count: 3 });
    });
    const texts = await preparedTexts();
    expect(texts).not.toContain(inTransaction);
    expect(texts.some((t) => t.includes("select 2"))).toBe(false);
  });

  it("quotes a literal the one way a literal can be", () => {
    expect(literal("o'clock")).toBe("'o''clock'");
    expect(literal("a\\b")).toBe("'a\\b'");
    expect(literal(null)).toBe("null");
    expect(literal(undefined)).toBe("null");
    expect(literal(true)).toBe("'true'");
    expect(literal(12n)).toBe("'12'");
  });
});
