import type { TObjectiveList } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  cycleByStatus,
  DEMO,
  DEMO_TITLES,
  keyResultByTitle,
  statementsOf,
  teamByName,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { rest, tokenFor, tokenMadeBy } from "../../../test/support/rest";

const demo = useDemoDatabase();

interface RestObjective {
  id: string;
  cycleId: string;
  title: string;
  level: string;
  status: string;
  owner: { id: string };
  team: { id: string } | null;
  progress: number;
  keyResults: { id: string; title: string; progress: number; status: string; currentValue: number | null }[];
}
type Page<T> = { items: T[]; nextCursor: string | null };

let admin: string;
beforeAll(async () => {
  admin = await tokenFor(demo.db, DEMO.admin, ["okrs:read"]);
});

const get = <T>(path: string, token = admin) => rest<T>(demo.db, "GET", path, { token });

/** Every page of a list, following `nextCursor`, with the page size given. */
async function walk<T extends { id: string }>(path: string, limit: number, token = admin): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const join = path.includes("?") ? "&" : "?";
    const answer: { status: number; body: Page<T> } = await get<Page<T>>(
      `${path}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      token,
    );
    expect(answer.status).toBe(200);
    pages.push(answer.body.items);
    cursor = answer.body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("GET /objectives", () => {
  it("filters by cycle, team, owner, level, status and text as the app's list does", async () => {
    const app = await callerFor(demo.db, DEMO.admin);
    const previous = await cycleByStatus(demo.db, demo.orgId, "closed");
    const marketing = await teamByName(demo.db, demo.orgId, "Marketing");
    const lena = await userIdOf(demo.db, DEMO.lena);
    const filters: Record<string, string>[] = [
      {},
      { cycleId: previous.id },
      { teamId: marketing.id },
      { ownerId: lena },
      { level: "company" },
      { status: "draft" },
      { q: "webinars" },
      { atRisk: "true" },
      { teamId: marketing.id, level: "team" },
    ];
    for (const filter of filters) {
      const answer = await get<Page<RestObjective>>(`/objectives?${new URLSearchParams({ ...filter, limit: "100" })}`);
      expect(answer.status, JSON.stringify(filter)).toBe(200);
      const input = { ...filter, atRisk: filter.atRisk ? true : undefined, limit: 100 } as TObjectiveList;
      const inApp = await app.objectives.list(input);
      expect(
        answer.body.items.map((o) => o.id),
        JSON.stringify(filter),
      ).toEqual(inApp?.objectives.map((o) => o.id));
      expect(answer.body.items.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
    const byTeam = await get<Page<RestObjective>>(`/objectives?teamId=${marketing.id}`);
    expect(byTeam.body.items.every((o) => o.team?.id === marketing.id)).toBe(true);
    const drafts = await get<Page<RestObjective>>("/objectives?status=draft");
    expect(drafts.body.items.map((o) => o.title)).toContain(DEMO_TITLES.HIRING);
    const closed = await get<Page<RestObjective>>(`/objectives?cycleId=${previous.id}`);
    expect(closed.body.items.every((o) => o.cycleId === previous.id)).toBe(true);
    expect(closed.body.items.map((o) => o.title)).toContain(DEMO_TITLES.PREVIOUS);
    const found = await get<Page<RestObjective>>("/objectives?q=WEBINARS");
    expect(found.body.items.map((o) => o.title)).toContain(DEMO_TITLES.WEBINARS);
  });

  it("pages with a cursor: every objective once, in the same order as one large page", async () => {
    const whole = await get<Page<RestObjective>>("/objectives?limit=100");
    expect(whole.body.nextCursor).toBeNull();
    const pages = await walk<RestObjective>("/objectives", 3);
    expect(pages.length).toBe(Math.ceil(whole.body.items.length / 3));
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    const walked = pages.flat().map((o) => o.id);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(whole.body.items.map((o) => o.id));
  });

  it("refuses bad query input with a 400 naming the field, and an unknown cycle with a 404", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["cycleId=not-an-id", "cycleId"],
      ["level=galaxy", "level"],
      ["atRisk=yes", "atRisk"],
      [`q=${"x".repeat(101)}`, "q"],
    ] as const) {
      const answer = await get<{ code: string; errors: { path: string }[] }>(`/objectives?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.code).toBe("BAD_REQUEST");
      expect(
        answer.body.errors.map((e) => e.path),
        query,
      ).toContain(field);
    }
    const badCursor = await get<{ code: string; message: string }>("/objectives?cursor=bm90LW91cnM");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.message).toContain("page link");
    const unknownCycle = await get("/objectives?cycleId=3f1c2b7e-9a5d-4c1e-8b2a-6d7e8f9a0b1c");
    expect(unknownCycle.status).toBe(404);
  });

  it("leaves the app's own list schema as strict as it was: a REST call does not make it coerce text", async () => {
    await get("/objectives?limit=5");
    const app = await callerFor(demo.db, DEMO.admin);
    await expect(app.objectives.list({ limit: "5" as unknown as number })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("what a token sees is what its creator sees", () => {
  it("a member's token does not see another team's private objective, nor its key result or check-ins", async () => {
    const privateId = await demo.objectiveId(DEMO_TITLES.PRIVATE);
    const { keyResult } = await keyResultByTitle(demo.db, demo.orgId, "Mentoring sessions held");
    const sam = (await tokenMadeBy(demo.db, DEMO.member, ["okrs:read"])).token;
    const nina = (await tokenMadeBy(demo.db, DEMO.nina, ["okrs:read"])).token;
    const lena = (await tokenMadeBy(demo.db, DEMO.lena, ["okrs:read"])).token;
    for (const token of [sam, nina]) {
      const all = (await walk<RestObjective>("/objectives", 100, token)).flat();
      expect(all.length).toBeGreaterThan(0);
      expect(all.map((o) => o.id)).not.toContain(privateId);
      expect((await get(`/objectives/${privateId}`, token)).status).toBe(404);
      expect((await get(`/key-results/${keyResult.id}`, token)).status).toBe(404);
      expect((await get(`/key-results/${keyResult.id}/check-ins`, token)).status).toBe(404);
    }
    // Its team's lead and an admin do see it, through the same routes.
    for (const token of [lena, admin]) {
      const one = await get<RestObjective>(`/objectives/${privateId}`, token);
      expect(one.status).toBe(200);
      expect(one.body.keyResults.map((kr) => kr.id)).toEqual([keyResult.id]);
      expect((await get(`/key-results/${keyResult.id}`, token)).status).toBe(200);
    }
  });

  it("a viewer's token reads objectives and a member's token reads drafts of its own team only", async () => {
    const viewer = (await tokenMadeBy(demo.db, DEMO.viewer, ["okrs:read"])).token;
    const answer = await get<Page<RestObjective>>("/objectives?limit=100", viewer);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((o) => o.title)).toContain(DEMO_TITLES.GROWTH);
    const hiring = await demo.objectiveId(DEMO_TITLES.HIRING);
    const sam = (await tokenMadeBy(demo.db, DEMO.member, ["okrs:read"])).token;
    expect((await get(`/objectives/${hiring}`, sam)).status).toBe(404);
    expect((await get(`/objectives/${hiring}`, admin)).status).toBe(200);
  });
});

describe("GET /objectives/{objectiveId} and /key-results/{keyResultId}", () => {
  it("answer one objective and one key result as the list shows them", async () => {
    const growth = await demo.objectiveId(DEMO_TITLES.GROWTH);
    const listed = (await get<Page<RestObjective>>("/objectives?level=company")).body.items.find(
      (o) => o.id === growth,
    );
    const one = await get<RestObjective>(`/objectives/${growth}`);
    expect(one.status).toBe(200);
    // The same objective, bar the elapsed fraction of the cycle, read a moment later.
    const { expectedProgress: _, ...shown } = one.body as RestObjective & { expectedProgress: number };
    expect(listed).toMatchObject(shown);
    for (const kr of one.body.keyResults) {
      const answer = await get<RestObjective["keyResults"][number]>(`/key-results/${kr.id}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(kr);
    }
    expect((await get("/objectives/3f1c2b7e-9a5d-4c1e-8b2a-6d7e8f9a0b1c")).status).toBe(404);
    expect((await get("/key-results/3f1c2b7e-9a5d-4c1e-8b2a-6d7e8f9a0b1c")).status).toBe(404);
    const badId = await get<{ errors: { path: string }[] }>("/key-results/42");
    expect(badId.status).toBe(400);
    expect(badId.body.errors.map((e) => e.path)).toEqual(["keyResultId"]);
  });
});

describe("GET /cycles and /teams", () => {
  it("lists the cycles newest first, the one the organization is in marked current", async () => {
    const answer = await get<{ items: { id: string; startsOn: string; status: string; current: boolean }[] }>(
      "/cycles",
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items.filter((c) => c.current).map((c) => c.id)).toEqual([demo.openCycleId]);
    const starts = answer.body.items.map((c) => c.startsOn);
    expect(starts).toEqual([...starts].sort().reverse());
    expect((await get("/cycles?status=open")).status).toBe(400);
  });

  it("pages the teams by name without overlap, as the app lists them", async () => {
    const app = await callerFor(demo.db, DEMO.admin);
    const inApp = await app.teams.list();
    const pages = await walk<{ id: string; name: string; memberCount: number }>("/teams", 2);
    expect(pages.length).toBe(Math.ceil(inApp.length / 2));
    const walked = pages.flat();
    expect(walked.map((t) => t.id)).toEqual(inApp.map((t) => t.id));
    expect(walked.map((t) => t.memberCount)).toEqual(inApp.map((t) => t.memberCount));
  });
});

describe("what a read costs", () => {
  it("is a fixed few statements whatever the page size: token, rate count, membership, the read, the audit row", async () => {
    const { keyResult } = await keyResultByTitle(demo.db, demo.orgId, "Webinar registrations per session");
    const growth = await demo.objectiveId(DEMO_TITLES.GROWTH);
    const cost = async (path: string) => (await statementsOf(demo.db, () => get(path))).sent.length;
    for (const list of ["/objectives", "/teams", `/key-results/${keyResult.id}/check-ins`]) {
      const small = await cost(`${list}?limit=2`);
      expect(small, list).toBeLessThanOrEqual(6);
      expect(await cost(`${list}?limit=100`), list).toBe(small);
    }
    expect(await cost("/cycles")).toBeLessThanOrEqual(4);
    expect(await cost(`/objectives/${growth}`)).toBeLessThanOrEqual(6);
    expect(await cost(`/key-results/${keyResult.id}`)).toBeLessThanOrEqual(5);
  });
});
