import { randomUUID } from "node:crypto";
import { activityLog, type Database, eq, keyResults, objectives, teamMembers } from "@meridian/db";
import type { TObjectiveCreate } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { TreeNode as ObjectiveNode } from "../../../test/support";
import {
  callerFor,
  clientErrorOf,
  createCycle,
  createMember,
  createObjective,
  createOrganizationWithOkr,
  cycleByStatus,
  DEMO,
  DEMO_TITLES,
  dashboardFor,
  flattenTree,
  nodeOf,
  noWriteChecks,
  objectiveByTitle,
  objectiveRow,
  outcomeOf,
  teamByName,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";

import { AppError } from "../../lib/errors";

const { GROWTH, PIPELINE, WEBINARS, ADVOCACY, CLOSE, QUALITY, RELIABILITY, CI, RETENTION, PEOPLE, HIRING, PRIVATE } =
  DEMO_TITLES;

const id: Record<string, string> = {};
let marketingId: string;
let engineeringId: string;

const demo = useDemoDatabase();

beforeAll(async () => {
  for (const title of [GROWTH, PIPELINE, WEBINARS, ADVOCACY, CLOSE, RELIABILITY, CI, HIRING, PRIVATE]) {
    id[title] = (await objectiveByTitle(demo.db, demo.orgId, title)).id;
  }
  marketingId = (await teamByName(demo.db, demo.orgId, "Marketing")).id;
  engineeringId = (await teamByName(demo.db, demo.orgId, "Engineering")).id;
});

const idOf = (title: string) => {
  const found = id[title];
  if (!found) throw new Error(`no id for ${title}`);
  return found;
};

const versionOf = async (objectiveId: string) => (await objectiveRow(demo.db, objectiveId)).version;

/** Beyond writeSnapshot (check-ins, activity, key results): every objective's version, status and parent. */
const objectiveStates = async (db: Database) => ({
  objectives: await db
    .select({
      id: objectives.id,
      version: objectives.version,
      status: objectives.status,
      parent: objectives.parentId,
    })
    .from(objectives)
    .orderBy(objectives.id),
});
const { state, rejected } = noWriteChecks(demo, objectiveStates);

const dashboardOf = (email: string) => dashboardFor(demo.db, email);

async function listTitles(
  email: string,
  filter: Parameters<Awaited<ReturnType<typeof callerFor>>["objectives"]["list"]>[0],
) {
  const list = await (await callerFor(demo.db, email)).objectives.list(filter);
  return (list?.objectives ?? []).map((o) => o.title).sort();
}

let sequence = 0;
const personal = (overrides: Partial<TObjectiveCreate> = {}): TObjectiveCreate => ({
  cycleId: demo.openCycleId,
  level: "personal",
  title: `Personal objective ${++sequence}`,
  publish: true,
  ...overrides,
});

describe("objectives.list: filters", () => {
  it.each([
    ["teamId Marketing, as the member", DEMO.member, () => ({ teamId: marketingId }), [ADVOCACY, PIPELINE, WEBINARS]],
    ["teamId Marketing, as the viewer (no drafts)", DEMO.viewer, () => ({ teamId: marketingId }), [PIPELINE, WEBINARS]],
    ["level company", DEMO.viewer, () => ({ level: "company" as const }), [PEOPLE, GROWTH, QUALITY]],
    ["status draft, as the member", DEMO.member, () => ({ status: "draft" as const }), [ADVOCACY]],
    ["status draft, as lena", DEMO.lena, () => ({ status: "draft" as const }), [HIRING]],
    ["status draft, as the admin", DEMO.admin, () => ({ status: "draft" as const }), [HIRING, ADVOCACY]],
    ["q in a title, any case", DEMO.member, () => ({ q: "WEBINARS" }), [WEBINARS]],
    ["q in a description", DEMO.member, () => ({ q: "mid-market segment" }), [GROWTH]],
    ["q in a key result title only", DEMO.member, () => ({ q: "uptime" }), [RELIABILITY]],
    ["q matching a draft the caller cannot see", DEMO.viewer, () => ({ q: "advocates" }), []],
    ["q matching a private key result, as the member", DEMO.member, () => ({ q: "mentoring" }), []],
    ["q matching a private key result, as lena", DEMO.lena, () => ({ q: "mentoring" }), [PRIVATE]],
  ])("%s", async (_, email, filter, expected) => {
    expect(await listTitles(email, filter())).toEqual([...expected].sort());
  });

  it("filters by owner", async () => {
    const memberId = await userIdOf(demo.db, DEMO.member);
    expect(await listTitles(DEMO.manager, { ownerId: memberId })).toEqual([ADVOCACY, WEBINARS].sort());
    const raviId = await userIdOf(demo.db, DEMO.ravi);
    expect(await listTitles(DEMO.member, { ownerId: raviId })).toEqual([]);
    expect(await listTitles(DEMO.lena, { ownerId: raviId })).toEqual([PRIVATE]);
  });

  it("atRisk keeps exactly the objectives at risk or off track (the low-confidence ones among them)", async () => {
    const caller = await callerFor(demo.db, DEMO.admin);
    const all = (await caller.objectives.list())?.objectives ?? [];
    const atRisk = (await caller.objectives.list({ atRisk: true }))?.objectives ?? [];
    const risky = all.filter((o) => o.progressStatus === "at_risk" || o.progressStatus === "off_track");
    expect(atRisk.map((o) => o.id).sort()).toEqual(risky.map((o) => o.id).sort());
    // A latest confidence of 3 or less makes an objective at least at risk.
    expect(atRisk.map((o) => o.title)).toEqual(expect.arrayContaining([CLOSE, RETENTION]));
    expect(atRisk.length).toBeLessThan(all.length);
  });

  it("lists another cycle on request and refuses another organization's cycle with NOT_FOUND", async () => {
    const closed = await cycleByStatus(demo.db, demo.orgId, "closed");
    expect(await listTitles(DEMO.admin, { cycleId: closed.id })).toEqual([
      "Prove the mid-market motion",
      "Stabilise the platform",
    ]);
    const other = await createOrganizationWithOkr(demo.db);
    const error = await trpcErrorOf(async () =>
      (await callerFor(demo.db, DEMO.admin)).objectives.list({ cycleId: other.cycle.id }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("rejects a search over 100 characters with BAD_REQUEST and a clear message", async () => {
    const caller = await callerFor(demo.db, DEMO.member);
    const error = await trpcErrorOf(() => caller.objectives.list({ q: "x".repeat(101) }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorOf(error, "objectives.list").shape.message).toBe("Search for at most 100 characters.");
  });
});

describe("private objectives", () => {
  it.each([
    [DEMO.ravi, true],
    [DEMO.lena, true],
    [DEMO.admin, true],
    [DEMO.member, false],
    [DEMO.manager, false],
    [DEMO.nina, false],
    [DEMO.viewer, false],
  ])("Ravi's private objective — %s sees it in list, dashboard and get: %s", async (email, visible) => {
    const caller = await callerFor(demo.db, email);
    const list = (await caller.objectives.list())?.objectives ?? [];
    expect(list.some((o) => o.id === idOf(PRIVATE))).toBe(visible);
    const tree = flattenTree((await dashboardOf(email)).roots);
    expect(tree.some((o) => o.id === idOf(PRIVATE))).toBe(visible);
    expect(tree.flatMap((o) => o.keyResults.map((k) => k.title)).includes("Mentoring sessions held")).toBe(visible);
    const outcome = await outcomeOf(() => caller.objectives.get({ objectiveId: idOf(PRIVATE) }));
    expect(outcome).toBe(visible ? "allow" : "NOT_FOUND");
  });
});

describe("objectives.get", () => {
  it("returns the objective with its parent, check-in history and comments", async () => {
    const result = await (await callerFor(demo.db, DEMO.member)).objectives.get({ objectiveId: idOf(PIPELINE) });
    if (!result) throw new Error("expected the objective");
    expect(result.objective).toMatchObject({ id: idOf(PIPELINE), title: PIPELINE, team: { name: "Marketing" } });
    // Sorted: key results created in one transaction share createdAt, their only sort key (see the report).
    expect(result.objective.keyResults.map((k) => k.title).sort()).toEqual([
      "Cost per lead",
      "Launch the partner referral programme",
      "Marketing-qualified leads per month",
    ]);
    expect(result.aligned.map((c) => c.title)).toEqual([WEBINARS]);
    expect(result.path).toEqual([{ id: idOf(GROWTH), title: GROWTH }]);
    expect(result.parent).toEqual({ id: idOf(GROWTH), title: GROWTH });
    expect(result.cycle).toMatchObject({ id: demo.openCycleId, status: "open" });

    const krIds = new Set(result.objective.keyResults.map((k) => k.id));
    expect(result.checkIns.length).toBeGreaterThan(10);
    for (const c of result.checkIns) expect(krIds.has(c.keyResultId)).toBe(true);
    // Each key result's history together, oldest first (the seeded history is recorded in the order of its dates).
    const byKeyResult = new Map<string, typeof result.checkIns>();
    for (const c of result.checkIns) byKeyResult.set(c.keyResultId, [...(byKeyResult.get(c.keyResultId) ?? []), c]);
    expect(result.checkIns.map((c) => c.id)).toEqual([...byKeyResult.values()].flat().map((c) => c.id));
    for (const history of byKeyResult.values()) {
      const times = history.map((c) => c.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(result.checkIns.at(-1)?.authorName).toEqual(expect.any(String));

    expect(result.comments.map((c) => c.authorName)).toEqual(["Priya Nair", "Maya Chen"]);
    expect(result.comments[0]?.body).toMatch(/^Great start on MQLs/);
  });

  it.each([
    [DEMO.admin, PIPELINE, { edit: true, publish: false, grade: false, comment: true }],
    [DEMO.manager, PIPELINE, { edit: true, publish: false, grade: false, comment: true }],
    [DEMO.lena, PIPELINE, { edit: false, publish: false, grade: false, comment: true }],
    [DEMO.member, PIPELINE, { edit: false, publish: false, grade: false, comment: true }],
    [DEMO.viewer, PIPELINE, { edit: false, publish: false, grade: false, comment: false }],
    [DEMO.member, WEBINARS, { edit: true, publish: false, grade: false, comment: true }],
    [DEMO.manager, ADVOCACY, { edit: true, publish: true, grade: false, comment: true }],
    [DEMO.member, ADVOCACY, { edit: false, publish: false, grade: false, comment: true }],
    [DEMO.admin, ADVOCACY, { edit: true, publish: true, grade: false, comment: true }],
    [DEMO.lena, PRIVATE, { edit: true, publish: false, grade: false, comment: true }],
  ])("tells %s what they may do on %s", async (email, title, can) => {
    const result = await (await callerFor(demo.db, email)).objectives.get({ objectiveId: idOf(title) });
    expect(result?.can).toEqual(can);
  });

  it("offers grading, not editing, on a closed cycle's objective", async () => {
    const closed = await objectiveByTitle(demo.db, demo.orgId, "Prove the mid-market motion");
    const result = await (await callerFor(demo.db, DEMO.admin)).objectives.get({ objectiveId: closed.id });
    expect(result?.can).toEqual({ edit: false, publish: false, grade: true, comment: true });
  });

  it("answers NOT_FOUND for another organization's objective and for a draft of another team", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect((await trpcErrorOf(() => admin.objectives.get({ objectiveId: other.objective.id }))).code).toBe("NOT_FOUND");
    const manager = await callerFor(demo.db, DEMO.manager);
    expect((await trpcErrorOf(() => manager.objectives.get({ objectiveId: idOf(HIRING) }))).code).toBe("NOT_FOUND");
  });
});

describe("key results keep the order they were written in", () => {
  it("objectives.create answers its key results in order, and every read keeps it, even where created_at ties", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const titles = ["KR one", "KR two", "KR three", "KR four", "KR five", "KR six", "KR seven", "KR eight"];
    const created = await member.objectives.create(
      personal({
        title: "Written in order",
        keyResults: titles.map((title) => ({ title, type: "increase_to", startValue: 0, targetValue: 10 })),
      }),
    );
    expect(created.keyResults.map((k) => k.title)).toEqual(titles);
    expect(created.keyResults.map((k) => k.version)).toEqual(titles.map(() => 1));
    // Rows written in one statement (or restored, or on a coarse clock) can share their timestamp.
    await demo.db
      .update(keyResults)
      .set({ createdAt: new Date("2026-10-02T09:00:00.000Z") })
      .where(eq(keyResults.objectiveId, created.id));
    await member.keyResults.create({
      objectiveId: created.id,
      title: "KR nine",
      type: "milestone",
      startValue: 0,
      targetValue: 1,
    });
    const expected = [...titles, "KR nine"];

    const page = await member.objectives.get({ objectiveId: created.id });
    expect(page?.objective.keyResults.map((k) => k.title)).toEqual(expected);
    const listed = await member.objectives.list({ q: "Written in order" });
    expect(listed?.objectives.find((o) => o.id === created.id)?.keyResults.map((k) => k.title)).toEqual(expected);
    const branch = await member.objectives.branch({ objectiveId: created.id });
    expect(branch.keyResults.map((k) => k.title)).toEqual(expected);
  });
});

describe("objectives.create", () => {
  it("lets a member create a published personal objective with three key results, aligned to the Marketing pipeline", async () => {
    const memberId = await userIdOf(demo.db, DEMO.member);
    const before = await state();
    const member = await callerFor(demo.db, DEMO.member);
    const created = await member.objectives.create(
      personal({
        title: "Grow the webinar audience through partners",
        parentId: idOf(PIPELINE),
        keyResults: [
          { title: "Partner-hosted webinars", type: "increase_to", startValue: 0, targetValue: 4 },
          { title: "Partner-sourced registrations", type: "increase_to", startValue: 50, targetValue: 300 },
          { title: "Co-marketing agreement signed", type: "milestone", startValue: 0, targetValue: 1 },
        ],
      }),
    );
    id.partner = created.id;
    expect(created).toMatchObject({
      level: "personal",
      status: "active",
      ownerId: memberId,
      parentId: idOf(PIPELINE),
      version: 1,
    });

    const krs = await demo.db.select().from(keyResults).where(eq(keyResults.objectiveId, created.id));
    expect(krs.map((k) => [k.title, k.ownerId, k.currentValue]).sort()).toEqual([
      ["Co-marketing agreement signed", memberId, null],
      ["Partner-hosted webinars", memberId, null],
      ["Partner-sourced registrations", memberId, null],
    ]);
    const activity = await demo.db.select().from(activityLog).where(eq(activityLog.entityId, created.id));
    expect(activity).toEqual([
      expect.objectContaining({
        action: "objective.created",
        actorId: memberId,
        entityType: "objective",
        details: { title: "Grow the webinar audience through partners", status: "active", keyResults: 3 },
      }),
    ]);
    const [row] = await demo.db.select().from(objectives).where(eq(objectives.id, created.id));
    expect(activity[0]?.createdAt.getTime()).toBe(row?.createdAt.getTime());
    expect((await state()).activity).toBe(before.activity + 1);
  });

  it("rolls check-ins on the new key results up into the pipeline's and the company objective's progress", async () => {
    const partnerId = idOf("partner");
    const before = await dashboardOf(DEMO.admin);
    const pipeline = nodeOf(before, idOf(PIPELINE));
    const growth = nodeOf(before, idOf(GROWTH));
    expect(nodeOf(before, partnerId)).toMatchObject({ progress: 0, hasData: false, parentId: idOf(PIPELINE) });
    // Every weight here is 1: each objective averages its key results and its counted children (not drafts,
    // and not those without data, ADR 0015): the new objective, unchecked, is left out of the pipeline until now.
    const items = (n: ObjectiveNode) =>
      n.keyResults.length + n.children.filter((c) => c.status !== "draft" && c.hasData).length;
    for (const n of [pipeline, growth, ...pipeline.children, ...growth.children]) expect(n.weight).toBe(1);

    const member = await callerFor(demo.db, DEMO.member);
    for (const kr of nodeOf(before, partnerId).keyResults) {
      await member.checkIns.create({
        keyResultId: kr.id,
        value: kr.targetValue,
        confidence: 8,
        idempotencyKey: randomUUID(),
      });
    }

    const after = await dashboardOf(DEMO.admin);
    expect(nodeOf(after, partnerId)).toMatchObject({ progress: 1, hasData: true });
    const k = items(pipeline);
    const pipelineAfter = (pipeline.progress * k + 1) / (k + 1);
    expect(nodeOf(after, idOf(PIPELINE)).progress).toBeCloseTo(pipelineAfter, 12);
    const pipelineGain = pipelineAfter - pipeline.progress;
    expect(nodeOf(after, idOf(GROWTH)).progress).toBeCloseTo(growth.progress + pipelineGain / items(growth), 12);
    expect(nodeOf(after, idOf(GROWTH)).progress).toBeGreaterThan(growth.progress);
    // The member's own dashboard shows the same numbers.
    expect(nodeOf(await dashboardOf(DEMO.member), idOf(GROWTH)).progress).toBe(nodeOf(after, idOf(GROWTH)).progress);
  });

  it("keeps a member's unpublished personal objective a draft, and a team lead's published team objective active", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    expect((await member.objectives.create(personal({ publish: false }))).status).toBe("draft");
    const manager = await callerFor(demo.db, DEMO.manager);
    const team = await manager.objectives.create(
      personal({ level: "team", teamId: marketingId, parentId: idOf(GROWTH), title: "Own the analyst briefings" }),
    );
    expect(team).toMatchObject({ level: "team", teamId: marketingId, status: "active" });
    const admin = await callerFor(demo.db, DEMO.admin);
    expect((await admin.objectives.create(personal({ level: "company", title: "Expand into Europe" }))).status).toBe(
      "active",
    );
  });

  it("rejects a key result whose target equals its start with the domain message on targetValue, writing nothing", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const error = await rejected("BAD_REQUEST", () =>
      member.objectives.create(
        personal({ keyResults: [{ title: "Flat line", type: "increase_to", startValue: 5, targetValue: 5 }] }),
      ),
    );
    expect(clientErrorOf(error, "objectives.create").shape.message).toBe("Target must differ from the start value.");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues.map((i) => [i.path, i.message])).toEqual([
      [["keyResults", 0, "targetValue"], "Target must differ from the start value."],
    ]);
    expect(clientErrorOf(error, "objectives.create").httpStatus).toBe(400);
  });

  it.each([
    ["a two-character title", { title: "ab" }, "title", "Write a title of at least 3 characters."],
    ["an unknown level", { level: "department" }, "level", "Choose company, team or personal."],
    ["a cycle id that is not a UUID", { cycleId: "q4" }, "cycleId", "Must be a valid id."],
    ["a negative weight", { weight: -1 }, "weight", "Weight cannot be negative."],
    [
      "eleven key results",
      {
        keyResults: Array.from({ length: 11 }, (_, i) => ({
          title: `KR ${i}`,
          type: "milestone",
          startValue: 0,
          targetValue: 1,
        })),
      },
      "keyResults",
      "At most 10 key results.",
    ],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const error = await rejected("BAD_REQUEST", () =>
      admin.objectives.create({ ...personal(), ...bad } as TObjectiveCreate),
    );
    const client = clientErrorOf(error, "objectives.create");
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });

  // Router-level rules answer through invalidInput(); their fieldErrors are not asserted (see the report:
  // invalidInput's ZodError is not an Error in zod 4, so tRPC wraps it and data.fieldErrors comes out null).
  it("rejects a team objective without a team with BAD_REQUEST and a clear message, writing nothing", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const error = await rejected("BAD_REQUEST", () => admin.objectives.create(personal({ level: "team" })));
    const client = clientErrorOf(error, "objectives.create");
    expect(client.httpStatus).toBe(400);
    expect(client.shape.message).toBe("A team objective needs a team.");
  });

  it.each([
    ["the viewer, a personal objective", DEMO.viewer, () => personal(), "Your role does not allow this."],
    ["the member, a team objective", DEMO.member, () => personal({ level: "team", teamId: marketingId }), null],
    [
      "the member, a company objective",
      DEMO.member,
      () => personal({ level: "company" }),
      "Only admins write company objectives.",
    ],
    [
      "the manager, a company objective",
      DEMO.manager,
      () => personal({ level: "company" }),
      "Only admins write company objectives.",
    ],
    [
      "the Marketing lead, an Engineering objective",
      DEMO.manager,
      () => personal({ level: "team", teamId: engineeringId }),
      null,
    ],
    ["lena, a Marketing objective", DEMO.lena, () => personal({ level: "team", teamId: marketingId }), null],
  ])("refuses %s with FORBIDDEN, writing nothing", async (_, email, input, message) => {
    const caller = await callerFor(demo.db, email);
    const error = await rejected("FORBIDDEN", () => caller.objectives.create(input()));
    expect(error.message).toBe(message ?? "You can write your own personal objectives and those of teams you lead.");
  });

  it("refuses a member a personal objective owned by someone else with FORBIDDEN", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const raviId = await userIdOf(demo.db, DEMO.ravi);
    await rejected("FORBIDDEN", () => member.objectives.create(personal({ ownerId: raviId })));
  });

  it("answers NOT_FOUND for another organization's cycle, team, person or parent", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    const cases: [TObjectiveCreate, string][] = [
      [personal({ cycleId: other.cycle.id }), "No such cycle."],
      [personal({ level: "team", teamId: other.team.id }), "No such team."],
      [personal({ ownerId: other.member.id }), "No such person in this organization."],
      [personal({ parentId: other.objective.id }), "No such parent objective."],
    ];
    for (const [input, message] of cases) {
      expect((await rejected("NOT_FOUND", () => admin.objectives.create(input))).message).toBe(message);
    }
  });

  it("answers NOT_FOUND when a member aligns to Ravi's private objective", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const error = await rejected("NOT_FOUND", () => member.objectives.create(personal({ parentId: idOf(PRIVATE) })));
    expect(error.message).toBe("No such parent objective.");
  });

  it("refuses a closed cycle with PRECONDITION_FAILED", async () => {
    const closed = await cycleByStatus(demo.db, demo.orgId, "closed");
    const member = await callerFor(demo.db, DEMO.member);
    const error = await rejected("PRECONDITION_FAILED", () =>
      member.objectives.create(personal({ cycleId: closed.id })),
    );
    expect(error.message).toBe("This cycle is closed: its objectives are frozen.");
  });

  it("aligns to a parent whose cycle encloses this one, and refuses one in a later cycle", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const adminId = await userIdOf(demo.db, DEMO.admin);
    const year = await createCycle(demo.db, demo.orgId, {
      status: "planning",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    });
    const later = await createCycle(demo.db, demo.orgId, {
      status: "planning",
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    });
    const yearly = await createObjective(
      demo.db,
      { organizationId: demo.orgId, cycleId: year.id, ownerId: adminId },
      { level: "company" },
    );
    const next = await createObjective(
      demo.db,
      { organizationId: demo.orgId, cycleId: later.id, ownerId: adminId },
      { level: "company" },
    );

    expect((await admin.objectives.create(personal({ parentId: yearly.id }))).parentId).toBe(yearly.id);
    const error = await rejected("BAD_REQUEST", () => admin.objectives.create(personal({ parentId: next.id })));
    expect(clientErrorOf(error, "objectives.create").shape.message).toBe(
      "Align to an objective of the same cycle or of one that spans it.",
    );
  });
});

describe("objectives.update", () => {
  it("lets the Marketing lead edit the Marketing pipeline: version + 1, one activity row in the same transaction", async () => {
    const manager = await callerFor(demo.db, DEMO.manager);
    const version = await versionOf(idOf(PIPELINE));
    const before = await state();
    const updated = await manager.objectives.update({
      objectiveId: idOf(PIPELINE),
      version,
      description: "  Events and partners feed the funnel.  ",
    });
    expect(updated).toMatchObject({
      description: "Events and partners feed the funnel.",
      version: version + 1,
      title: PIPELINE,
    });
    expect((await state()).activity).toBe(before.activity + 1);

    const [row] = await demo.db
      .select()
      .from(objectives)
      .where(eq(objectives.id, idOf(PIPELINE)));
    const activity = await demo.db
      .select()
      .from(activityLog)
      .where(eq(activityLog.entityId, idOf(PIPELINE)));
    expect(activity).toEqual([
      expect.objectContaining({
        action: "objective.updated",
        actorId: await userIdOf(demo.db, DEMO.manager),
        details: { changes: { description: "Events and partners feed the funnel." } },
      }),
    ]);
    expect(activity[0]?.createdAt.getTime()).toBe(row?.updatedAt.getTime());

    const got = await (await callerFor(demo.db, DEMO.viewer)).objectives.get({ objectiveId: idOf(PIPELINE) });
    expect(got?.activity[0]).toMatchObject({
      action: "objective.updated",
      actorName: "Maya Chen",
      entityType: "objective",
    });
  });

  it.each([
    ["the admin", DEMO.admin, RELIABILITY],
    ["the admin, on a company objective", DEMO.admin, GROWTH],
    ["lena, on Engineering's objective", DEMO.lena, RELIABILITY],
    ["lena, on a private objective of her team", DEMO.lena, PRIVATE],
    ["the member, on their own personal objective", DEMO.member, WEBINARS],
  ])("allows %s", async (_, email, title) => {
    const caller = await callerFor(demo.db, email);
    const version = await versionOf(idOf(title));
    const updated = await caller.objectives.update({ objectiveId: idOf(title), version, weight: 1 });
    expect(updated.version).toBe(version + 1);
  });

  it.each([
    ["the viewer", DEMO.viewer, PIPELINE, "FORBIDDEN"],
    ["the member, on a team objective", DEMO.member, PIPELINE, "FORBIDDEN"],
    ["the member, on Nina's personal objective", DEMO.member, CI, "FORBIDDEN"],
    ["the member, on a company objective", DEMO.member, GROWTH, "FORBIDDEN"],
    ["the Marketing lead, on Engineering's objective", DEMO.manager, RELIABILITY, "FORBIDDEN"],
    ["the Marketing lead, on a company objective", DEMO.manager, GROWTH, "FORBIDDEN"],
    ["lena, on Marketing's objective", DEMO.lena, PIPELINE, "FORBIDDEN"],
    ["the member, on Ravi's private objective", DEMO.member, PRIVATE, "NOT_FOUND"],
    ["nina, on Ravi's private objective", DEMO.nina, PRIVATE, "NOT_FOUND"],
    ["the Marketing lead, on Ravi's private objective", DEMO.manager, PRIVATE, "NOT_FOUND"],
    ["the Marketing lead, on Engineering's draft", DEMO.manager, HIRING, "NOT_FOUND"],
  ])("refuses %s (%s), writing nothing", async (_, email, title, code) => {
    const caller = await callerFor(demo.db, email);
    const version = await versionOf(idOf(title));
    await rejected(code, () => caller.objectives.update({ objectiveId: idOf(title), version, title: "Hijacked" }));
  });

  it("answers NOT_FOUND for another organization's objective, even naming that organization", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    for (const admin of [
      await callerFor(demo.db, DEMO.admin),
      await callerFor(demo.db, DEMO.admin, other.organization.id),
    ]) {
      const error = await rejected("NOT_FOUND", () =>
        admin.objectives.update({ objectiveId: other.objective.id, version: 1, title: "Taken over" }),
      );
      expect(error.message).toBe("No such objective.");
    }
  });

  it("refuses a stale version with CONFLICT carrying the current values, writing nothing", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const manager = await callerFor(demo.db, DEMO.manager);
    const read = await versionOf(idOf(PIPELINE));
    await admin.objectives.update({
      objectiveId: idOf(PIPELINE),
      version: read,
      title: "Build a predictable pipeline",
    });

    const error = await rejected("CONFLICT", () =>
      manager.objectives.update({ objectiveId: idOf(PIPELINE), version: read, title: "Maya's title" }),
    );
    expect(error.message).toBe(
      "Someone else changed this objective after you opened it. Review the current values and try again.",
    );
    expect(error.cause).toBeInstanceOf(AppError);
    const current = {
      id: idOf(PIPELINE),
      title: "Build a predictable pipeline",
      version: read + 1,
      teamId: marketingId,
    };
    expect((error.cause as AppError).current).toMatchObject(current);
    const client = clientErrorOf(error, "objectives.update");
    expect(client.httpStatus).toBe(409);
    expect(client.shape.data.current).toMatchObject(current);
    await admin.objectives.update({ objectiveId: idOf(PIPELINE), version: read + 1, title: PIPELINE });
  });

  it.each([
    ["a two-character title", { title: " ab " }, "title", "Write a title of at least 3 characters."],
    ["version 0", { version: 0 }, "version", "Version must be a positive whole number."],
    ["weight 101", { weight: 101 }, "weight", "Weight is at most 100."],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const input = { objectiveId: idOf(PIPELINE), version: await versionOf(idOf(PIPELINE)), ...bad };
    const error = await rejected("BAD_REQUEST", () => admin.objectives.update(input));
    const client = clientErrorOf(error, "objectives.update");
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });

  it("rejects taking the team away from a team objective with BAD_REQUEST, writing nothing", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const input = { objectiveId: idOf(PIPELINE), version: await versionOf(idOf(PIPELINE)), teamId: null };
    const error = await rejected("BAD_REQUEST", () => admin.objectives.update(input));
    expect(clientErrorOf(error, "objectives.update").shape.message).toBe("A team objective needs a team.");
  });

  it("refuses a member handing their objective to someone else, and a lead moving it to a team they do not lead", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const ninaId = await userIdOf(demo.db, DEMO.nina);
    const webinars = { objectiveId: idOf(WEBINARS), version: await versionOf(idOf(WEBINARS)) };
    await rejected("FORBIDDEN", () => member.objectives.update({ ...webinars, ownerId: ninaId }));
    const manager = await callerFor(demo.db, DEMO.manager);
    const pipeline = { objectiveId: idOf(PIPELINE), version: await versionOf(idOf(PIPELINE)) };
    await rejected("FORBIDDEN", () => manager.objectives.update({ ...pipeline, teamId: engineeringId }));
  });
});

describe("objectives.update: alignment", () => {
  async function three() {
    const member = await callerFor(demo.db, DEMO.member);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => member.objectives.create(personal())));
    if (!a || !b || !c) throw new Error("expected three objectives");
    return { member, a, b, c };
  }
  const parentOf = async (
    caller: Awaited<ReturnType<typeof callerFor>>,
    objectiveId: string,
    parentId: string | null,
  ) => caller.objectives.update({ objectiveId, version: await versionOf(objectiveId), parentId });
  const LOOP = "That alignment would make the objective contribute to itself.";

  it("refuses B under A once A is under B with BAD_REQUEST, writing nothing", async () => {
    const { member, a, b } = await three();
    await parentOf(member, a.id, b.id);
    const error = await rejected("BAD_REQUEST", () => parentOf(member, b.id, a.id));
    expect(clientErrorOf(error, "objectives.update").shape.message).toBe(LOOP);
  });

  it("refuses a loop through three objectives and an objective under itself", async () => {
    const { member, a, b, c } = await three();
    await parentOf(member, a.id, b.id);
    await parentOf(member, b.id, c.id);
    expect((await rejected("BAD_REQUEST", () => parentOf(member, c.id, a.id))).message).toBe(LOOP);
    expect((await rejected("BAD_REQUEST", () => parentOf(member, a.id, a.id))).message).toBe(LOOP);
    // Clearing or moving within the tree is fine, and the dashboard still builds.
    expect((await parentOf(member, a.id, null)).parentId).toBeNull();
    expect((await parentOf(member, c.id, a.id)).parentId).toBe(a.id);
    expect(nodeOf(await dashboardOf(DEMO.member), a.id).children.map((n) => n.id)).toEqual([c.id]);
  });

  it("refuses a parent in a later cycle (BAD_REQUEST), another organization's (NOT_FOUND) or one it cannot see (NOT_FOUND)", async () => {
    const { member, a } = await three();
    const adminId = await userIdOf(demo.db, DEMO.admin);
    const later = await createCycle(demo.db, demo.orgId, {
      status: "planning",
      startsOn: "2027-04-01",
      endsOn: "2027-06-30",
    });
    const next = await createObjective(
      demo.db,
      { organizationId: demo.orgId, cycleId: later.id, ownerId: adminId },
      { level: "company" },
    );
    expect((await rejected("BAD_REQUEST", () => parentOf(member, a.id, next.id))).message).toBe(
      "Align to an objective of the same cycle or of one that spans it.",
    );
    const other = await createOrganizationWithOkr(demo.db);
    expect((await rejected("NOT_FOUND", () => parentOf(member, a.id, other.objective.id))).message).toBe(
      "No such parent objective.",
    );
    await rejected("NOT_FOUND", () => parentOf(member, a.id, idOf(PRIVATE)));
    await rejected("NOT_FOUND", () => parentOf(member, a.id, idOf(HIRING)));
  });
});

describe("objectives.publish", () => {
  it("refuses the member who drafted the Marketing team objective with FORBIDDEN", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const error = await rejected("FORBIDDEN", async () =>
      member.objectives.publish({ objectiveId: idOf(ADVOCACY), version: await versionOf(idOf(ADVOCACY)) }),
    );
    expect(error.message).toBe("Only a lead of the team or an admin publishes this draft.");
  });

  it("refuses the viewer (FORBIDDEN) and a manager who belongs to Marketing without leading it (FORBIDDEN)", async () => {
    const version = await versionOf(idOf(ADVOCACY));
    const viewer = await callerFor(demo.db, DEMO.viewer);
    await rejected("FORBIDDEN", () => viewer.objectives.publish({ objectiveId: idOf(ADVOCACY), version }));
    const plain = await createMember(demo.db, demo.orgId, "manager");
    await demo.db
      .insert(teamMembers)
      .values({ organizationId: demo.orgId, teamId: marketingId, userId: plain.id, role: "member" });
    const manager = await callerFor(demo.db, plain.email);
    await rejected("FORBIDDEN", () => manager.objectives.publish({ objectiveId: idOf(ADVOCACY), version }));
  });

  it("refuses lena, who leads another team: the Marketing draft is invisible to her, so NOT_FOUND", async () => {
    const lena = await callerFor(demo.db, DEMO.lena);
    const version = await versionOf(idOf(ADVOCACY));
    await rejected("NOT_FOUND", () => lena.objectives.publish({ objectiveId: idOf(ADVOCACY), version }));
  });

  it("lets the Marketing lead publish it: active, visible to everyone, logged; a second publish is refused", async () => {
    const manager = await callerFor(demo.db, DEMO.manager);
    const version = await versionOf(idOf(ADVOCACY));
    const published = await manager.objectives.publish({ objectiveId: idOf(ADVOCACY), version });
    expect(published).toMatchObject({ status: "active", version: version + 1 });
    const activity = await demo.db
      .select()
      .from(activityLog)
      .where(eq(activityLog.entityId, idOf(ADVOCACY)));
    expect(activity.map((a) => [a.action, a.actorId])).toEqual([
      ["objective.published", await userIdOf(demo.db, DEMO.manager)],
    ]);
    expect(await listTitles(DEMO.viewer, { q: "advocates" })).toEqual([ADVOCACY]);

    const again = await rejected("PRECONDITION_FAILED", () =>
      manager.objectives.publish({ objectiveId: idOf(ADVOCACY), version: version + 1 }),
    );
    expect(again.message).toBe("This objective is active.");
    const stale = await rejected("CONFLICT", () =>
      manager.objectives.publish({ objectiveId: idOf(ADVOCACY), version }),
    );
    expect((stale.cause as AppError).current).toMatchObject({ status: "active", version: version + 1 });
  });

  it("lets a member publish their own personal draft", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const draft = await member.objectives.create(personal({ publish: false }));
    expect((await member.objectives.publish({ objectiveId: draft.id, version: draft.version })).status).toBe("active");
  });
});

describe("objectives.archive", () => {
  it("archives the member's own objective: gone from list and dashboard, logged, frozen, not alignable", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const created = await member.objectives.create(personal({ title: "Short-lived objective" }));
    const archived = await member.objectives.archive({ objectiveId: created.id, version: created.version });
    expect(archived).toMatchObject({ status: "archived", version: created.version + 1 });
    const activity = await demo.db.select().from(activityLog).where(eq(activityLog.entityId, created.id));
    expect(activity.map((a) => a.action)).toEqual(["objective.created", "objective.archived"]);
    expect(await listTitles(DEMO.member, { q: "Short-lived" })).toEqual([]);
    expect(flattenTree((await dashboardOf(DEMO.admin)).roots).map((n) => n.id)).not.toContain(created.id);

    const version = created.version + 1;
    expect(
      (await rejected("PRECONDITION_FAILED", () => member.objectives.archive({ objectiveId: created.id, version })))
        .message,
    ).toBe("This objective is archived.");
    expect(
      (
        await rejected("PRECONDITION_FAILED", () =>
          member.objectives.update({ objectiveId: created.id, version, title: "Back" }),
        )
      ).message,
    ).toBe("A closed or archived objective cannot change.");
    expect(
      (await rejected("BAD_REQUEST", () => member.objectives.create(personal({ parentId: created.id })))).message,
    ).toBe("An archived objective cannot be aligned to.");
  });

  it.each([
    ["the viewer", DEMO.viewer, PIPELINE, "FORBIDDEN"],
    ["the member, on a team objective", DEMO.member, PIPELINE, "FORBIDDEN"],
    ["lena, on Marketing's objective", DEMO.lena, PIPELINE, "FORBIDDEN"],
    ["the Marketing lead, on Engineering's objective", DEMO.manager, RELIABILITY, "FORBIDDEN"],
    ["the member, on Ravi's private objective", DEMO.member, PRIVATE, "NOT_FOUND"],
  ])("refuses %s (%s), writing nothing", async (_, email, title, code) => {
    const caller = await callerFor(demo.db, email);
    const version = await versionOf(idOf(title));
    await rejected(code, () => caller.objectives.archive({ objectiveId: idOf(title), version }));
  });

  it("lets the admin archive another team's objective", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const adminId = await userIdOf(demo.db, DEMO.admin);
    const target = await createObjective(
      demo.db,
      { organizationId: demo.orgId, cycleId: demo.openCycleId, ownerId: adminId },
      { teamId: engineeringId },
    );
    expect(await outcomeOf(() => admin.objectives.archive({ objectiveId: target.id, version: 1 }))).toBe("allow");
  });
});
