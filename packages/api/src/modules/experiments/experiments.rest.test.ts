import { and, eq, experimentResults, experiments, sql } from "@meridian/db";
import { describe, expect, it } from "vitest";
import { callerFor, DEMO, useDemoDatabase } from "../../../test/support";
import { rest, tokenFor } from "../../../test/support/rest";
import { allPages, tokenMadeBy } from "../../../test/support/rest-reads";

const demo = useDemoDatabase();

interface Summary {
  id: string;
  name: string;
  status: string;
  verdict: string;
  leadingVariant: { id: string; name: string } | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface VariantResult {
  variantId: string;
  isControl: boolean;
  exposures: number;
  conversions: number;
  rate: number | null;
  comparison: { pValue: number; adjustedP: number | null; absoluteUplift: number; significant: boolean } | null;
}
interface Experiment {
  id: string;
  name: string;
  plan: { alpha: number; power: number };
  confidence: number;
  variants: { id: string; isControl: boolean }[];
  results: {
    metricId: string;
    isPrimary: boolean;
    verdict: { kind: string };
    sampleRatio: { pValue: number; mismatch: boolean } | null;
    variants: VariantResult[];
  }[];
}

const stored = () => demo.db.select().from(experiments).where(eq(experiments.organizationId, demo.orgId));

async function experimentNamed(name: string) {
  const row = (await stored()).find((e) => e.name === name);
  if (!row) throw new Error(`no experiment ${name}`);
  return row;
}

describe("GET /experiments", () => {
  it("pages through every experiment, newest first, without overlap", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const pages = await allPages(async (cursor) => {
      const answer = await rest<Page<Summary>>(
        demo.db,
        "GET",
        `/experiments?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { token },
      );
      expect(answer.status).toBe(200);
      return answer.body;
    });
    const rows = await stored();
    expect(pages.length).toBe(rows.length);
    expect(
      pages
        .flat()
        .map((e) => e.id)
        .sort(),
    ).toEqual(rows.map((e) => e.id).sort());
  });

  it("filters by status and name, as the app's list", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const rows = await stored();
    const running = await rest<Page<Summary>>(demo.db, "GET", "/experiments?status=running", { token });
    expect(running.body.items.map((e) => e.id).sort()).toEqual(
      rows
        .filter((e) => e.status === "running")
        .map((e) => e.id)
        .sort(),
    );
    const named = await rest<Page<Summary>>(demo.db, "GET", "/experiments?q=checkout", { token });
    expect(named.body.items.map((e) => e.name)).toEqual(["Checkout button copy"]);
    const app = await (await callerFor(demo.db, DEMO.admin)).experiments.list({ q: "checkout" });
    expect(named.body.items[0]).toMatchObject({
      verdict: app.experiments[0]?.verdict,
      leadingVariant: app.experiments[0]?.leadingVariant,
    });
  });

  it("refuses without a token (401), without marketing:read (403), and bad filters (400)", async () => {
    expect((await rest(demo.db, "GET", "/experiments")).status).toBe(401);
    const push = await tokenFor(demo.db, DEMO.admin, ["marketing:write", "kpis:read"]);
    expect((await rest(demo.db, "GET", "/experiments", { token: push })).status).toBe(403);
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    for (const query of ["?status=won", "?teamId=growth", "?limit=-1", "?campaignId=x", "?cursor=abc"]) {
      const answer = await rest(demo.db, "GET", `/experiments${query}`, { token });
      expect(answer.status, query).toBe(400);
      expect(answer.body).toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

describe("GET /experiments/{experimentId}", () => {
  it("answers each variant's counts and the statistics the app computes", async () => {
    const token = await tokenMadeBy(demo.db, demo.orgId, DEMO.viewer, ["marketing:read"]);
    const checkout = await experimentNamed("Checkout button copy");
    const answer = await rest<Experiment>(demo.db, "GET", `/experiments/${checkout.id}`, { token });
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.plan.alpha).toBeCloseTo(checkout.alphaBp / 10000);
    expect(body.confidence).toBeCloseTo(1 - checkout.alphaBp / 10000);

    const app = await (await callerFor(demo.db, DEMO.viewer)).experiments.get({ experimentId: checkout.id });
    expect(body.results.map((r) => [r.metricId, r.verdict.kind])).toEqual(
      app.results.map((r) => [r.metric.id, r.analysis.verdict.kind]),
    );
    const primary = body.results.find((r) => r.isPrimary);
    const appPrimary = app.results.find((r) => r.metric.isPrimary);
    if (!primary || !appPrimary) throw new Error("the checkout test has a primary metric");
    expect(primary.variants).toHaveLength(body.variants.length);
    const [treatment] = appPrimary.analysis.treatments;
    const restTreatment = primary.variants.find((v) => v.variantId === treatment?.variant.id);
    expect(restTreatment?.comparison?.pValue).toBe(treatment?.comparison?.pValue);
    expect(restTreatment?.comparison?.adjustedP).toBe(treatment?.adjustedP);
    expect(primary.sampleRatio?.pValue).toBe(appPrimary.analysis.srm?.pValue);

    // The counts are the sums of the stored daily results.
    const sums = await demo.db
      .select({
        variantId: experimentResults.variantId,
        exposures: sql<number>`sum(${experimentResults.exposures})::int`,
        conversions: sql<number>`sum(${experimentResults.conversions})::int`,
      })
      .from(experimentResults)
      .where(
        and(
          eq(experimentResults.organizationId, demo.orgId),
          eq(experimentResults.experimentId, checkout.id),
          eq(experimentResults.metricId, primary.metricId),
        ),
      )
      .groupBy(experimentResults.variantId);
    for (const s of sums) {
      const variant = primary.variants.find((v) => v.variantId === s.variantId);
      expect(variant).toMatchObject({ exposures: s.exposures, conversions: s.conversions });
      expect(variant?.rate).toBeCloseTo(s.conversions / s.exposures);
    }
    expect(primary.variants.find((v) => v.isControl)?.comparison).toBeNull();
  });

  it("is 404 for an unknown experiment and 400 for a malformed id or an unknown field", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const unknown = await rest(demo.db, "GET", "/experiments/00000000-0000-4000-8000-000000000000", { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", message: "No such experiment.", errors: [] });
    expect((await rest(demo.db, "GET", "/experiments/checkout", { token })).status).toBe(400);
    const checkout = await experimentNamed("Checkout button copy");
    const extra = await rest(demo.db, "GET", `/experiments/${checkout.id}?daily=true`, { token });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ errors: [{ path: "daily" }] });
  });
});
