import { quarterCode, todayIso } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { callerFor, DEMO, useDemoDatabase } from "../../../test/support";
import { rest, tokenFor } from "../../../test/support/rest";
import { tokenMadeBy } from "../../../test/support/rest-reads";

const demo = useDemoDatabase();

interface ScoredKpi {
  id: string;
  name: string;
  unit: string;
  score: number | null;
  status: string;
  actual: number | null;
}
interface Scorecard {
  quarter: string;
  start: string;
  end: string;
  score: number | null;
  status: string;
  perspectives: {
    id: string;
    name: string;
    score: number | null;
    objectives: { id: string; score: number | null; status: string; kpis: ScoredKpi[] }[];
  }[];
  unlinkedKpis: ScoredKpi[];
}

describe("GET /scorecard", () => {
  it("scores the quarter asked for exactly as the app's scorecard does, down to each KPI", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    const answer = await rest<Scorecard>(demo.db, "GET", "/scorecard?quarter=2026-Q3", { token });
    expect(answer.status).toBe(200);
    const card = answer.body;
    expect(card).toMatchObject({ quarter: "2026-Q3", start: "2026-07-01", end: "2026-09-30" });
    expect(card.perspectives.length).toBeGreaterThan(0);

    const app = await callerFor(demo.db, DEMO.admin);
    const tree = await app.scorecard.tree({ period: "2026-07-01" });
    expect(card.score).toBe(tree.score);
    expect(card.perspectives.map((p) => [p.id, p.score])).toEqual(tree.perspectives.map((p) => [p.id, p.score]));
    const objectiveScores = (s: { objectives: { id: string; score: number | null }[] }[]) =>
      s.flatMap((p) => p.objectives.map((o) => [o.id, o.score]));
    expect(objectiveScores(card.perspectives)).toEqual(objectiveScores(tree.perspectives));

    const [objective] = tree.perspectives.flatMap((p) => p.objectives).filter((o) => o.kpiCount > 0);
    if (!objective) throw new Error("the demo has a measured objective");
    const { kpis } = await app.scorecard.kpis({ strategicObjectiveId: objective.id, period: "2026-07-01" });
    const restKpis = card.perspectives.flatMap((p) => p.objectives).find((o) => o.id === objective.id)?.kpis ?? [];
    expect(new Map(restKpis.map((k) => [k.id, [k.actual, k.score, k.status]]))).toEqual(
      new Map(kpis.map((k) => [k.id, [k.actual, k.score, k.status]])),
    );
  });

  it("answers today's quarter by default, and lists the quarters with data", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    const current = await rest<Scorecard>(demo.db, "GET", "/scorecard", { token });
    expect(current.status).toBe(200);
    expect(current.body.quarter).toBe(quarterCode(todayIso()));

    const quarters = await rest<{ items: { quarter: string; start: string; label: string }[] }>(
      demo.db,
      "GET",
      "/scorecard/quarters",
      { token },
    );
    expect(quarters.status).toBe(200);
    const codes = quarters.body.items.map((q) => q.quarter);
    expect(codes[0]).toBe(quarterCode(todayIso()));
    expect(codes).toContain("2026-Q3");
    expect(codes).toEqual([...codes].sort().reverse());
  });

  it("is readable by a viewer's token, as the scorecard is by viewers", async () => {
    const token = await tokenMadeBy(demo.db, demo.orgId, DEMO.viewer, ["reports:read"]);
    const answer = await rest<Scorecard>(demo.db, "GET", "/scorecard?quarter=2026-Q3", { token });
    expect(answer.status).toBe(200);
  });

  it("refuses without a token (401), without reports:read (403), and a quarter it cannot read (400)", async () => {
    expect((await rest(demo.db, "GET", "/scorecard")).status).toBe(401);
    expect((await rest(demo.db, "GET", "/scorecard/quarters")).status).toBe(401);
    const kpisOnly = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const refused = await rest(demo.db, "GET", "/scorecard", { token: kpisOnly });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("reports:read") });
    expect((await rest(demo.db, "GET", "/scorecard/quarters", { token: kpisOnly })).status).toBe(403);

    const token = await tokenFor(demo.db, DEMO.admin, ["reports:read"]);
    for (const quarter of ["2026-Q5", "Q3", "2026-07-01", "2026-q3"]) {
      const answer = await rest(demo.db, "GET", `/scorecard?quarter=${quarter}`, { token });
      expect(answer.status, quarter).toBe(400);
      expect(answer.body).toMatchObject({ errors: [{ path: "quarter", message: "Write the quarter like 2026-Q3." }] });
    }
    const unknown = await rest(demo.db, "GET", "/scorecard?period=2026-07-01", { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ path: "period", message: "Unknown field 'period'." }] });
    expect((await rest(demo.db, "GET", "/scorecard/quarters?x=1", { token })).status).toBe(400);
  });
});
