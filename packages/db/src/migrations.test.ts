import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testing";
import type { DatabaseHandle } from "./client";
import { migrate, rows } from "./migrate";
import { migrationsFolder } from "./paths";

interface JournalEntry {
  idx: number;
  tag: string;
}

/** A copy of the committed migrations that stops before `tag`, so a test can load rows the old schema held. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "meridian-migrations-"));
  mkdirSync(path.join(folder, "meta"));
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  if (stop < 0) throw new Error(`no migration ${tag}`);
  const entries = journal.entries.slice(0, stop);
  for (const e of entries)
    copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe("migration 0009: check-ins numbered per key result", () => {
  let handle: DatabaseHandle;
  let folder: string;
  const q = async <T>(query: ReturnType<typeof sql>) => rows<T>(await handle.db.execute(query));

  // One organization, one person, one open cycle; objective 1 holds key results A (in step with its newest
  // check-in, two check-ins sharing the newest time) and C (a value but no check-in); objective 2 holds B,
  // which concurrent check-ins left on its older check-in's value.
  const ORG = "00000000-0000-4000-8000-000000000001";
  const USER = "00000000-0000-4000-8000-000000000002";
  const CYCLE = "00000000-0000-4000-8000-000000000003";
  const O1 = "00000000-0000-4000-8000-000000000011";
  const O2 = "00000000-0000-4000-8000-000000000012";
  const A = "00000000-0000-4000-8000-0000000000a0";
  const B = "00000000-0000-4000-8000-0000000000b0";
  const C = "00000000-0000-4000-8000-0000000000c0";
  const checkIn = (id: string, kr: string, value: number, at: string) =>
    sql`insert into check_ins (id, organization_id, key_result_id, author_id, value, confidence, idempotency_key, created_at)
        values (${id}, ${ORG}, ${kr}, ${USER}, ${value}, 5, gen_random_uuid(), ${at})`;

  beforeAll(async () => {
    folder = migrationsBefore("0009_check_in_seq");
    handle = await createTestDatabase({ migrationsFolder: folder });
    await handle.db.execute(sql`insert into organizations (id, name, slug) values (${ORG}, 'Old', 'old')`);
    await handle.db.execute(
      sql`insert into users (id, email, name, password_hash) values (${USER}, 'old@example.com', 'Old', 'x')`,
    );
    await handle.db.execute(sql`insert into cycles (id, organization_id, name, starts_on, ends_on, status)
      values (${CYCLE}, ${ORG}, 'Q4', '2026-10-01', '2026-12-31', 'open')`);
    for (const o of [O1, O2]) {
      await handle.db.execute(sql`insert into objectives (id, organization_id, cycle_id, level, title, owner_id, status, progress_stale)
        values (${o}, ${ORG}, ${CYCLE}, 'company', 'Old objective', ${USER}, 'active', false)`);
    }
    const kr = (id: string, objective: string, value: number | null, at: string | null) =>
      handle.db.execute(sql`insert into key_results (id, organization_id, objective_id, title, type, target_value, owner_id,
          current_value, current_confidence, last_check_in_at)
        values (${id}, ${ORG}, ${objective}, 'Old key result', 'increase_to', 100, ${USER},
          ${value}, ${value === null ? null : 5}, ${at})`);
    await kr(A, O1, 4, "2026-10-22T00:00:00Z");
    await kr(B, O2, 1, "2026-10-08T00:00:00Z");
    await kr(C, O1, 7, null);
    // Inserted out of order: the backfill numbers by created_at, then id.
    await handle.db.execute(checkIn("00000000-0000-4000-8000-0000000000a3", A, 3, "2026-10-22T00:00:00Z"));
    await handle.db.execute(checkIn("00000000-0000-4000-8000-0000000000a2", A, 2, "2026-10-15T00:00:00Z"));
    await handle.db.execute(checkIn("00000000-0000-4000-8000-0000000000a4", A, 4, "2026-10-22T00:00:00Z"));
    await handle.db.execute(checkIn("00000000-0000-4000-8000-0000000000a1", A, 1, "2026-10-08T00:00:00Z"));
    await handle.db.execute(checkIn("00000000-0000-4000-8000-0000000000b1", B, 1, "2026-10-08T00:00:00Z"));
    await handle.db.execute(checkIn("00000000-0000-4000-8000-0000000000b2", B, 2, "2026-10-08T00:00:01Z"));
    expect(await migrate(handle.db)).toBeGreaterThanOrEqual(1);
  });
  afterAll(async () => {
    await handle?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("numbers each key result's existing check-ins 1, 2, 3… in today's order: created_at, then id", async () => {
    const numbered = await q<{ id: string; seq: number }>(
      sql`select id, seq from check_ins order by key_result_id, seq`,
    );
    expect(numbered.map((r) => [r.id.slice(-2), r.seq])).toEqual([
      ["a1", 1],
      ["a2", 2],
      ["a3", 3],
      ["a4", 4],
      ["b1", 1],
      ["b2", 2],
    ]);
  });

  it("moves a key result left on an older value to its newest check-in, marking its objective for a rollup", async () => {
    const krs = await q<{ id: string; current_value: number | null; version: number; progress_stale: boolean }>(sql`
      select k.id, k.current_value, k.version, o.progress_stale from key_results k
      join objectives o on o.organization_id = k.organization_id and o.id = k.objective_id
      order by k.id`);
    expect(krs.map((k) => [k.id.slice(-2), k.current_value, k.version, k.progress_stale])).toEqual([
      ["a0", 4, 1, false],
      ["b0", 2, 2, true],
      ["c0", 7, 1, false],
    ]);
  });

  it("refuses a second check-in with the same number on a key result", async () => {
    await expect(
      handle.db.execute(sql`insert into check_ins (organization_id, key_result_id, author_id, value, confidence, idempotency_key, seq)
        values (${ORG}, ${A}, ${USER}, 9, 5, gen_random_uuid(), 4)`),
    ).rejects.toMatchObject({
      cause: { message: expect.stringContaining('unique constraint "check_ins_org_kr_seq_key"') },
    });
  });
});
