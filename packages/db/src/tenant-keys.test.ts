import { eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testing";
import type { DatabaseHandle } from "./client";
import { rows } from "./migrate";
import { cycles, keyResults, objectives, organizations, teams, users } from "./schema";

/**
 * The tenant-key discipline of ADR 0013, read from the catalog of the migrated
 * database: tenant tables (those with an organization_id column) are keyed,
 * made unique and referenced by organization_id, so they can be distributed on
 * it (Citus) and a row can never point into another organization.
 */

/**
 * Tables shared by every organization (Citus reference tables). A new table
 * without organization_id must be added here on purpose, or it is reported.
 */
const REFERENCE_TABLES = [
  "meridian_meta.migrations",
  "public.login_throttle",
  "public.organizations",
  "public.user_sessions",
  "public.users",
] as const;

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function query<T>(statement: SQL): Promise<T[]> {
  return rows<T>(await handle.db.execute(statement));
}

const list = (joined: string | null): string[] => (joined ? joined.split(",") : []);

interface TableRow {
  name: string;
  tenant: boolean;
}

/** Every ordinary table outside the system schemas, schema-qualified. */
async function tables(): Promise<TableRow[]> {
  return query<TableRow>(sql`
    select n.nspname || '.' || c.relname as name,
      exists (
        select 1 from information_schema.columns col
        where col.table_schema = n.nspname and col.table_name = c.relname and col.column_name = 'organization_id'
      ) as tenant
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_%'
    order by 1`);
}

async function tenantTables(): Promise<Set<string>> {
  return new Set((await tables()).filter((t) => t.tenant).map((t) => t.name));
}

interface IndexRow {
  index: string;
  table: string;
  primary: boolean;
  /** The key columns in order; an expression shows as "(expression)". */
  columns: string | null;
}

/** Unique indexes, primary keys and unique constraints included (each has its index). */
async function uniqueIndexes(): Promise<IndexRow[]> {
  return query<IndexRow>(sql`
    select ic.relname as index, n.nspname || '.' || t.relname as table, i.indisprimary as primary,
      (
        select string_agg(coalesce(a.attname::text, '(expression)'), ',' order by k.ord)
        from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
        left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where k.ord <= i.indnkeyatts
      ) as columns
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where i.indisunique
      and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_%'
    order by 2, 1`);
}

interface ForeignKeyRow {
  name: string;
  table: string;
  references: string;
  /** a: no action, r: restrict, c: cascade, n: set null, d: set default. */
  onDelete: string;
  columns: string;
  foreignColumns: string;
  /** The column list of ON DELETE SET NULL / SET DEFAULT (…); null when it sets every column. */
  setColumns: string | null;
}

async function foreignKeys(): Promise<ForeignKeyRow[]> {
  return query<ForeignKeyRow>(sql`
    select con.conname as name,
      sn.nspname || '.' || src.relname as table,
      dn.nspname || '.' || dst.relname as references,
      con.confdeltype::text as "onDelete",
      (
        select string_agg(a.attname::text, ',' order by k.ord)
        from unnest(con.conkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
      ) as columns,
      (
        select string_agg(a.attname::text, ',' order by k.ord)
        from unnest(con.confkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum
      ) as "foreignColumns",
      (
        select string_agg(a.attname::text, ',' order by k.ord)
        from unnest(con.confdelsetcols) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
      ) as "setColumns"
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    join pg_namespace sn on sn.oid = src.relnamespace
    join pg_class dst on dst.oid = con.confrelid
    join pg_namespace dn on dn.oid = dst.relnamespace
    where con.contype = 'f'
    order by 2, 1`);
}

describe("tenant keys (ADR 0013)", () => {
  it("knows every table: a table without organization_id is a listed reference table", async () => {
    const all = await tables();
    const offenders = all.filter((t) => !t.tenant && !(REFERENCE_TABLES as readonly string[]).includes(t.name));
    expect(
      offenders.map((t) => `${t.name} has no organization_id and is not in REFERENCE_TABLES`),
      "a table shared by all organizations must be listed as a reference table on purpose",
    ).toEqual([]);
    const stale = REFERENCE_TABLES.filter((name) => !all.some((t) => t.name === name && !t.tenant));
    expect(
      stale.map((name) => `${name} is listed as a reference table but does not exist or has organization_id`),
    ).toEqual([]);
    // The check is not vacuous: most of the schema is tenant-owned.
    expect(all.filter((t) => t.tenant).length).toBeGreaterThan(15);
  });

  it("keys every tenant table by a primary key that includes organization_id", async () => {
    const tenants = await tenantTables();
    const primaries = (await uniqueIndexes()).filter((i) => i.primary);
    const offenders: string[] = [];
    for (const table of tenants) {
      const pk = primaries.find((i) => i.table === table);
      if (!pk) offenders.push(`${table} has no primary key`);
      else if (!list(pk.columns).includes("organization_id")) {
        offenders.push(`${table}: primary key ${pk.index} (${pk.columns}) lacks organization_id`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("makes every unique index of a tenant table include organization_id", async () => {
    const tenants = await tenantTables();
    const offenders = (await uniqueIndexes())
      .filter((i) => tenants.has(i.table) && !list(i.columns).includes("organization_id"))
      .map((i) => `${i.table}: unique index ${i.index} (${i.columns}) lacks organization_id`);
    expect(offenders).toEqual([]);
  });

  it("pairs organization_id on both sides of every foreign key between tenant tables", async () => {
    const tenants = await tenantTables();
    const offenders: string[] = [];
    for (const fk of await foreignKeys()) {
      const from = tenants.has(fk.table);
      const to = tenants.has(fk.references);
      const label = `${fk.name} on ${fk.table} (${fk.columns}) → ${fk.references} (${fk.foreignColumns})`;
      if (!from && to) {
        offenders.push(`${label}: a reference table cannot point at a tenant table`);
        continue;
      }
      if (!from || !to) continue;
      const columns = list(fk.columns);
      const foreign = list(fk.foreignColumns);
      const at = columns.indexOf("organization_id");
      if (at < 0 || foreign.indexOf("organization_id") < 0) {
        offenders.push(`${label}: lacks organization_id on ${at < 0 ? "its own" : "the referenced"} side`);
      } else if (foreign[at] !== "organization_id") {
        offenders.push(`${label}: organization_id does not reference organization_id`);
      }
      // SET NULL / SET DEFAULT must name their columns, or they would clear organization_id too.
      if ((fk.onDelete === "n" || fk.onDelete === "d") && list(fk.setColumns).length === 0) {
        offenders.push(`${label}: ON DELETE SET ${fk.onDelete === "n" ? "NULL" : "DEFAULT"} names no column`);
      }
      if (list(fk.setColumns).includes("organization_id")) {
        offenders.push(`${label}: ON DELETE would change organization_id`);
      }
    }
    expect(offenders).toEqual([]);
    // Not vacuous: the tenant tables do reference each other.
    const between = (await foreignKeys()).filter((fk) => tenants.has(fk.table) && tenants.has(fk.references));
    expect(between.length).toBeGreaterThan(20);
  });
});

/** The SQLSTATE of a database error, wherever the driver or Drizzle wrapped it. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function sqlStateOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlState(error) ?? "thrown without a SQLSTATE";
  }
  return undefined;
}

describe("rows of one organization cannot point into another", () => {
  interface Org {
    orgId: string;
    userId: string;
    cycleId: string;
    objectiveId: string;
    teamId: string;
  }

  async function organization(slug: string): Promise<Org> {
    const [org] = await handle.db.insert(organizations).values({ name: slug, slug }).returning();
    const [user] = await handle.db
      .insert(users)
      .values({ email: `${slug}@example.com`, name: slug, passwordHash: "x" })
      .returning();
    if (!org || !user) throw new Error("inserted");
    const [team] = await handle.db.insert(teams).values({ organizationId: org.id, name: "Team" }).returning();
    const [cycle] = await handle.db
      .insert(cycles)
      .values({ organizationId: org.id, name: "Q1", startsOn: "2027-01-01", endsOn: "2027-03-31" })
      .returning();
    if (!team || !cycle) throw new Error("inserted");
    const [objective] = await handle.db
      .insert(objectives)
      .values({
        organizationId: org.id,
        cycleId: cycle.id,
        level: "team",
        title: `${slug} objective`,
        ownerId: user.id,
        teamId: team.id,
      })
      .returning();
    if (!objective) throw new Error("inserted");
    return { orgId: org.id, userId: user.id, cycleId: cycle.id, objectiveId: objective.id, teamId: team.id };
  }

  let a: Org;
  let b: Org;
  beforeAll(async () => {
    a = await organization("tenant-a");
    b = await organization("tenant-b");
  });

  const keyResult = (org: Org, objectiveId: string) => ({
    organizationId: org.orgId,
    objectiveId,
    title: "Signed contracts",
    type: "increase_to" as const,
    targetValue: 10,
    ownerId: org.userId,
  });

  it("refuses a key result of one organization on another organization's objective", async () => {
    expect(await sqlStateOf(handle.db.insert(keyResults).values(keyResult(b, a.objectiveId)))).toBe("23503");
    // The same row on its own organization's objective is accepted.
    expect(await sqlStateOf(handle.db.insert(keyResults).values(keyResult(b, b.objectiveId)))).toBeUndefined();
    const onA = await handle.db.select().from(keyResults).where(eq(keyResults.objectiveId, a.objectiveId));
    expect(onA).toEqual([]);
  });

  it("refuses aligning an objective under another organization's objective", async () => {
    const realign = handle.db
      .update(objectives)
      .set({ parentId: a.objectiveId })
      .where(eq(objectives.id, b.objectiveId));
    expect(await sqlStateOf(realign)).toBe("23503");
  });

  it("clears only the reference when its row goes: removing a team keeps its objectives in their organization", async () => {
    await handle.db.delete(teams).where(eq(teams.id, a.teamId));
    const [objective] = await handle.db.select().from(objectives).where(eq(objectives.id, a.objectiveId));
    expect(objective?.teamId).toBeNull();
    expect(objective?.organizationId).toBe(a.orgId);
  });
});
