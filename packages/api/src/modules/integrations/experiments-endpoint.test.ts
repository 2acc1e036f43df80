import { activityLog, asc, count, type Database, type DatabaseHandle, experimentResults, ne } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization, createTeam } from "../../../test/support";
import { handleIngestExperimentResults } from "./experiments-endpoint";

const URL = "http://127.0.0.1:3000/api/ingest/experiments";

let handle: DatabaseHandle;
let db: Database;
let token: string;
let foreignExperimentId: string;

function push(body: unknown, secret: string | null = token) {
  const headers = new Headers({ "content-type": "application/json" });
  if (secret) headers.set("authorization", `Bearer ${secret}`);
  return handleIngestExperimentResults(new Request(URL, { method: "POST", headers, body: JSON.stringify(body) }), db);
}

async function answer(response: Promise<Response>) {
  const r = await response;
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function snapshot() {
  const [rows, [activity]] = await Promise.all([
    db
      .select()
      .from(experimentResults)
      .orderBy(asc(experimentResults.experimentId), asc(experimentResults.variantId), asc(experimentResults.day)),
    // Every call with a live token is audited (api.request): what was written is the rest.
    db.select({ n: count() }).from(activityLog).where(ne(activityLog.action, "api.request")),
  ]);
  return { rows, activity: activity?.n ?? 0 };
}

const GOOD = {
  results: [
    { experiment: "Checkout button", variant: "Control", day: "2026-07-01", exposures: 1200, conversions: 96 },
    { experiment: "checkout button", variant: "treatment b", day: "2026-07-01", exposures: 1185, conversions: 112 },
    {
      experiment: "Checkout button",
      variant: "Control",
      metric: "Activation",
      day: "2026-07-01",
      exposures: 1200,
      conversions: 30,
    },
  ],
};

async function experimentIn(orgEmail: string, teamId: string, ownerId: string, name: string) {
  return (await callerFor(db, orgEmail)).experiments.create({
    name,
    ownerId,
    teamId,
    minimumDetectableEffect: 10,
    secondaryMetrics: ["Activation"],
    variants: [
      { name: "Control", weight: 1 },
      { name: "Treatment B", weight: 1 },
    ],
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const orgId = (await createOrganization(db)).id;
  const admin = await createMember(db, orgId, "admin");
  const team = await createTeam(db, orgId);
  await experimentIn(admin.email, team.id, admin.id, "Checkout button");
  token = (
    await (
      await callerFor(db, admin.email)
    ).apiTokens.create({ name: "Warehouse", scopes: ["kpis:write", "marketing:write"] })
  ).token;

  const other = await createOrganization(db);
  const otherAdmin = await createMember(db, other.id, "admin");
  const otherTeam = await createTeam(db, other.id);
  foreignExperimentId = (await experimentIn(otherAdmin.email, otherTeam.id, otherAdmin.id, "Pricing page")).id;
});

afterAll(async () => {
  await handle?.close();
});

describe("handleIngestExperimentResults", () => {
  it("answers 401 without a valid token, writing nothing", async () => {
    const before = await snapshot();
    expect((await answer(push(GOOD, null))).status).toBe(401);
    expect((await answer(push(GOOD, `mrd_${"A".repeat(43)}`))).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("writes a push once: the same push again changes nothing, a changed day is updated", async () => {
    expect(await answer(push(GOOD))).toEqual({ status: 200, body: { created: 3, updated: 0, unchanged: 0 } });
    const after = await snapshot();
    expect(await answer(push(GOOD))).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 3 } });
    expect((await snapshot()).rows).toEqual(after.rows);
    const changed = { results: [{ ...GOOD.results[0], conversions: 97 }] };
    expect(await answer(push(changed))).toEqual({ status: 200, body: { created: 0, updated: 1, unchanged: 0 } });
    expect((await snapshot()).rows.every((r) => r.source === "api")).toBe(true);
  });

  it("refuses bad items with a 400 naming each, and writes nothing of the push", async () => {
    const before = await snapshot();
    const bad = await answer(
      push({
        results: [
          { experiment: "Checkout button", variant: "Control", day: "2026-07-05", exposures: 10, conversions: 1 },
          { experiment: "Checkout button", variant: "Nobody", day: "2026-07-05", exposures: 10, conversions: 1 },
          { experiment: foreignExperimentId, variant: "Control", day: "2026-07-05", exposures: 10, conversions: 1 },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: "results.1", message: 'Checkout button has no variant named "Nobody".' },
      { path: "results.2", message: `No experiment is with the id ${foreignExperimentId}.` },
    ]);
    const counts = await answer(
      push({
        results: [
          { experiment: "Checkout button", variant: "Control", day: "2026-07-05", exposures: 5, conversions: 6 },
        ],
      }),
    );
    expect(counts).toMatchObject({
      status: 400,
      body: { error: "results.0.conversions: Conversions cannot be more than exposures." },
    });
    const negative = await answer(
      push({
        results: [
          { experiment: "Checkout button", variant: "Control", day: "2026-07-05", exposures: -5, conversions: 0 },
        ],
      }),
    );
    expect(negative.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
