import { and, cycles, eq, isNull, teams } from "@meridian/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, DEMO, statementsOf, useDemoDatabase } from "../../../test/support";
import { rest, tokenFor } from "../../../test/support/rest";
import { allPages, tokenMadeBy } from "../../../test/support/rest-reads";

const demo = useDemoDatabase();

interface Summary {
  id: string;
  title: string;
  status: "open" | "finalized";
  cycle: { id: string; startsOn: string };
  team: { id: string; name: string } | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Review extends Summary {
  snapshotTakenAt: string;
  scorecard: { quarter: string; score: number | null; perspectives: { id: string; score: number | null }[] };
  okrs: { id: string; progress: number }[];
  comments: { subjectType: string; body: string; author: { name: string } }[];
  actions: { title: string; status: string }[];
}

/** The demo's finalized review, and three open ones opened here: two of the open cycle, one of a team last quarter. */
const ids = { finalized: "", openOrg: "", openTeam: "", openPast: "", teamId: "" };

beforeAll(async () => {
  const admin = await callerFor(demo.db, DEMO.admin);
  const [finalized] = await admin.reviews.list();
  if (finalized?.status !== "finalized") throw new Error("the demo has a finalized review");
  ids.finalized = finalized.id;
  const teamRows = await demo.db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, demo.orgId), isNull(teams.archivedAt)))
    .orderBy(teams.name)
    .limit(2);
  const [first, second] = teamRows;
  if (!first || !second) throw new Error("the demo has teams");
  ids.teamId = first.id;
  ids.openOrg = (await admin.reviews.open({ cycleId: demo.openCycleId })).id;
  ids.openTeam = (await admin.reviews.open({ cycleId: demo.openCycleId, teamId: first.id })).id;
  ids.openPast = (await admin.reviews.open({ cycleId: finalized.cycleId, teamId: second.id })).id;
});

const list = (token: string, query = "") => rest<Page<Summary>>(demo.db, "GET", `/reviews${query}`, { token });

describe("GET /reviews", () => {
  it("pages through every review, newest cycle first, without overlap", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    const pages = await allPages(async (cursor) => {
      const answer = await list(token, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(answer.status).toBe(200);
      return answer.body;
    });
    const all = pages.flat();
    expect(pages.every((p) => p.length === 1)).toBe(true);
    expect(all.map((r) => r.id).sort()).toEqual(Object.values(ids).slice(0, 4).sort());
    const starts = all.map((r) => r.cycle.startsOn);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("filters by status, cycle and team in SQL, in a fixed number of statements", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    const finalized = await list(token, "?status=finalized");
    expect(finalized.body.items.map((r) => r.id)).toEqual([ids.finalized]);
    const open = await list(token, "?status=open");
    expect(open.body.items.map((r) => r.id).sort()).toEqual([ids.openOrg, ids.openTeam, ids.openPast].sort());
    const ofCycle = await list(token, `?cycleId=${demo.openCycleId}`);
    expect(ofCycle.body.items.map((r) => r.id).sort()).toEqual([ids.openOrg, ids.openTeam].sort());
    const ofTeam = await list(token, `?teamId=${ids.teamId}`);
    expect(ofTeam.body.items.map((r) => r.id)).toEqual([ids.openTeam]);

    const one = await statementsOf(demo.db, () => list(token, "?limit=1"));
    const all = await statementsOf(demo.db, () => list(token, "?limit=50"));
    expect(all.sent.length).toBe(one.sent.length);
  });

  it("lists only finalized reviews to a viewer's token: the token acts as its creator", async () => {
    const token = await tokenMadeBy(demo.db, demo.orgId, DEMO.viewer, ["reports:read"]);
    const answer = await list(token);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((r) => r.id)).toEqual([ids.finalized]);
    expect((await list(token, "?status=open")).body.items).toEqual([]);
  });

  it("refuses without a token (401), without reports:read (403), and bad filters (400)", async () => {
    expect((await rest(demo.db, "GET", "/reviews")).status).toBe(401);
    const kpisOnly = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    expect((await list(kpisOnly)).status).toBe(403);
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    for (const query of ["?status=draft", "?cycleId=Q3", "?quarter=2026-Q3", "?limit=0", "?cursor=nope"]) {
      const answer = await list(token, query);
      expect(answer.status, query).toBe(400);
      expect(answer.body).toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

describe("GET /reviews/{reviewId}", () => {
  it("answers the snapshot's scores, OKRs and commentary as the app shows them", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    const answer = await rest<Review>(demo.db, "GET", `/reviews/${ids.finalized}`, { token });
    expect(answer.status).toBe(200);
    const app = await (await callerFor(demo.db, DEMO.admin)).reviews.get({ reviewId: ids.finalized });
    const review = answer.body;
    expect(review).toMatchObject({ id: ids.finalized, status: "finalized", title: app.title });
    expect(review.snapshotTakenAt).toBe(app.snapshot.takenAt);
    expect(review.scorecard.score).toBe(app.snapshot.scorecard.score);
    expect(review.scorecard.perspectives.map((p) => [p.id, p.score])).toEqual(
      app.snapshot.scorecard.perspectives.map((p) => [p.id, p.score]),
    );
    expect(review.okrs.map((o) => [o.id, o.progress])).toEqual(app.snapshot.okrs.map((o) => [o.id, o.progress]));
    expect(review.comments.length).toBe(app.comments.length);
    expect(review.comments.length).toBeGreaterThan(0);
    expect(review.actions.map((a) => a.title)).toEqual(app.actions.map((a) => a.title));
    const [cycle] = await demo.db.select().from(cycles).where(eq(cycles.id, review.cycle.id));
    expect(review.scorecard.quarter).toMatch(/^\d{4}-Q[1-4]$/);
    expect(review.cycle.startsOn).toBe(cycle?.startsOn);
  });

  it("does not find an open review for a viewer's token, but reads the finalized one", async () => {
    const token = await tokenMadeBy(demo.db, demo.orgId, DEMO.viewer, ["reports:read"]);
    const hidden = await rest(demo.db, "GET", `/reviews/${ids.openOrg}`, { token });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ code: "NOT_FOUND", message: "No such review.", errors: [] });
    expect((await rest(demo.db, "GET", `/reviews/${ids.finalized}`, { token })).status).toBe(200);
    const member = await tokenMadeBy(demo.db, demo.orgId, DEMO.member, ["reports:read"]);
    expect((await rest(demo.db, "GET", `/reviews/${ids.openOrg}`, { token: member })).status).toBe(200);
  });

  it("is 404 for an unknown review, 400 for a malformed id or an unknown field", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    expect((await rest(demo.db, "GET", "/reviews/00000000-0000-4000-8000-000000000000", { token })).status).toBe(404);
    expect((await rest(demo.db, "GET", "/reviews/42", { token })).status).toBe(400);
    const unknown = await rest(demo.db, "GET", `/reviews/${ids.finalized}?expand=all`, { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ path: "expand" }] });
    const kpisOnly = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    expect((await rest(demo.db, "GET", `/reviews/${ids.finalized}`, { token: kpisOnly })).status).toBe(403);
  });
});
