import type { DatabaseHandle } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createCycle,
  createMember,
  createOrganization,
  createOrganizationWithOkr,
  DEMO,
  seedDemoOrganization,
} from "../../../test/support";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoOrganization(handle.db);
});

afterAll(async () => {
  await handle?.close();
});

describe("cycles.list", () => {
  it("lists the organization's cycles, newest first, with inclusive dates and exclusive end instants", async () => {
    const cycles = await (await callerFor(handle.db, DEMO.viewer)).cycles.list();
    expect(cycles.map(({ id: _, ...c }) => c)).toEqual([
      {
        name: "Q4 2026",
        startsOn: "2026-10-01",
        endsOn: "2026-12-31",
        status: "open",
        version: 1,
        start: new Date("2026-10-01T00:00:00.000Z"),
        end: new Date("2027-01-01T00:00:00.000Z"),
      },
      {
        name: "Q3 2026",
        startsOn: "2026-07-01",
        endsOn: "2026-09-30",
        status: "closed",
        version: 1,
        start: new Date("2026-07-01T00:00:00.000Z"),
        end: new Date("2026-10-01T00:00:00.000Z"),
      },
    ]);
  });

  it("shows only the caller's organization", async () => {
    const other = await createOrganizationWithOkr(handle.db);
    const demoCycles = await (await callerFor(handle.db, DEMO.admin)).cycles.list();
    expect(demoCycles.map((c) => c.id)).not.toContain(other.cycle.id);

    const otherCycles = await (await callerFor(handle.db, other.member.email)).cycles.list();
    expect(otherCycles.map((c) => c.id)).toEqual([other.cycle.id]);
  });
});

describe("cycles.current", () => {
  it("is the demo organization's open quarter", async () => {
    const current = await (await callerFor(handle.db, DEMO.member)).cycles.current();
    expect(current).toMatchObject({ name: "Q4 2026", status: "open" });
  });

  it("prefers the open cycle containing today over a planning cycle that starts later", async () => {
    const org = await createOrganization(handle.db);
    const member = await createMember(handle.db, org.id);
    const open = await createCycle(handle.db, org.id, { status: "open" });
    await createCycle(handle.db, org.id, { status: "planning", startsOn: "2099-01-01", endsOn: "2099-03-31" });
    const current = await (await callerFor(handle.db, member.email)).cycles.current();
    expect(current?.id).toBe(open.id);
  });

  it("is null for an organization without cycles", async () => {
    const org = await createOrganization(handle.db);
    const member = await createMember(handle.db, org.id);
    expect(await (await callerFor(handle.db, member.email)).cycles.current()).toBeNull();
    expect(await (await callerFor(handle.db, member.email)).cycles.list()).toEqual([]);
  });
});
