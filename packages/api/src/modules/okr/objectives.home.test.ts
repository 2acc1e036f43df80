import { and, eq, inArray, isNull, keyResults, objectives, sql } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  callerFor,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  cycleByStatus,
  DEMO,
  DEMO_TITLES,
  keyResultByTitle,
  objectiveByTitle,
  teamByName,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";

const { PIPELINE, WEBINARS, ADVOCACY, PRIVATE } = DEMO_TITLES;

/** Sam's draft for the Marketing team, waiting for Maya to publish. */
const WEEK_MS = 7 * 86_400_000;

const demo = useDemoDatabase();

async function mine(email: string) {
  const result = await (await callerFor(demo.db, email)).objectives.mine();
  if (!result) throw new Error("expected the current cycle");
  return result;
}

async function attention(email: string) {
  const result = await (await callerFor(demo.db, email)).objectives.teamAttention();
  if (!result) throw new Error("expected the current cycle");
  return result;
}

/**
 * The key results `email` owns on active objectives of the open cycle whose
 * last check-in is over a week old (or missing), straight from the table.
 */
async function dueFromTable(email: string): Promise<string[]> {
  const userId = await userIdOf(demo.db, email);
  const open = await cycleByStatus(demo.db, demo.orgId, "open");
  const rows = await demo.db
    .select({ title: keyResults.title, lastCheckInAt: keyResults.lastCheckInAt })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(
      and(
        eq(keyResults.ownerId, userId),
        isNull(keyResults.archivedAt),
        eq(objectives.cycleId, open.id),
        eq(objectives.status, "active"),
      ),
    );
  const now = Date.now();
  return rows
    .filter((r) => r.lastCheckInAt === null || now - r.lastCheckInAt.getTime() > WEEK_MS)
    .map((r) => r.title)
    .sort();
}

describe("objectives.mine", () => {
  it("gives the member the objectives they own in the current cycle and the check-ins due from them", async () => {
    const result = await mine(DEMO.member);
    expect(result.cycle).toMatchObject({ name: "Q4 2026", status: "open" });
    expect(result.objectives.map((o) => o.title).sort()).toEqual([WEBINARS, ADVOCACY].sort());
    expect(result.objectives.find((o) => o.title === ADVOCACY)?.status).toBe("draft");
    // Seeded in one transaction, the key results share a creation time: their order is the ids'.
    expect(
      result.objectives
        .find((o) => o.title === WEBINARS)
        ?.keyResults.map((kr) => kr.title)
        .sort(),
    ).toEqual(["Webinar registrations per session", "Attendance rate", "Publish the buyer's guide"].sort());

    const due = result.dueCheckIns.map((d) => d.keyResult.title).sort();
    expect(due).toEqual(await dueFromTable(DEMO.member));
    // Never checked in: always due. A draft's key results are not open for check-ins yet.
    expect(due).toContain("Publish the buyer's guide");
    expect(due).not.toContain("Published customer case studies");
    const memberId = await userIdOf(demo.db, DEMO.member);
    for (const d of result.dueCheckIns) {
      expect(d.keyResult.owner.id).toBe(memberId);
      expect(d.keyResult.canCheckIn).toBe(true);
    }
    const guide = result.dueCheckIns.find((d) => d.keyResult.title === "Publish the buyer's guide");
    expect(guide?.objective.title).toBe(WEBINARS);
  });

  it("lists the member's key results inside objectives someone else owns", async () => {
    const result = await mine(DEMO.member);
    expect(result.keyResultsElsewhere.map((e) => [e.objective.title, e.keyResult.title])).toEqual([
      [PIPELINE, "Cost per lead"],
    ]);
  });

  it("stops listing a check-in as due once it has been made", async () => {
    const guide = await keyResultByTitle(demo.db, demo.orgId, "Publish the buyer's guide");
    const member = await callerFor(demo.db, DEMO.member);
    await member.checkIns.create({
      keyResultId: guide.keyResult.id,
      value: 1,
      confidence: 9,
      idempotencyKey: crypto.randomUUID(),
    });
    const due = (await mine(DEMO.member)).dueCheckIns.map((d) => d.keyResult.title);
    expect(due).not.toContain("Publish the buyer's guide");
    expect(due.sort()).toEqual(await dueFromTable(DEMO.member));
  });

  it("treats a check-in older than a week as due again", async () => {
    const kr = await keyResultByTitle(demo.db, demo.orgId, "Attendance rate");
    await demo.db
      .update(keyResults)
      .set({ lastCheckInAt: new Date(Date.now() - WEEK_MS - 60_000) })
      .where(eq(keyResults.id, kr.keyResult.id));
    expect((await mine(DEMO.member)).dueCheckIns.map((d) => d.keyResult.title)).toContain("Attendance rate");
  });

  it("gives the owner of a private objective that objective", async () => {
    const result = await mine(DEMO.ravi);
    expect(result.objectives.map((o) => o.title)).toEqual([PRIVATE]);
    expect(result.keyResultsElsewhere.map((e) => e.keyResult.title)).toEqual(["P1 incidents per month"]);
  });

  it("gives the viewer empty lists", async () => {
    expect(await mine(DEMO.viewer)).toMatchObject({ objectives: [], dueCheckIns: [], keyResultsElsewhere: [] });
  });

  it("is null for an organization without a current cycle", async () => {
    const org = await createOrganization(demo.db);
    const person = await createMember(demo.db, org.id, "member");
    const caller = await callerFor(demo.db, person.email);
    expect(await caller.objectives.mine()).toBeNull();
    expect(await caller.objectives.teamAttention()).toBeNull();
  });
});

describe("objectives.teamAttention", () => {
  /** What the home page should flag for each objective, derived from the objective as returned. */
  function expectedReasons(o: {
    status: string;
    progressStatus: string;
    keyResults: { lastCheckInAt: Date | null }[];
  }): string[] {
    const reasons: string[] = [];
    if (o.status === "draft") reasons.push("Draft waiting to be published");
    else if (o.progressStatus === "off_track") reasons.push("Off track");
    else if (o.progressStatus === "at_risk") reasons.push("At risk");
    else if (o.progressStatus === "no_data") reasons.push("No check-ins yet");
    const stale = o.keyResults.filter((kr) => kr.lastCheckInAt && Date.now() - kr.lastCheckInAt.getTime() > WEEK_MS);
    if (stale.length) reasons.push(`${stale.length} key result(s) without a check-in this week`);
    return reasons;
  }

  it("gives the Marketing lead Marketing's objectives and what needs attention among them", async () => {
    const result = await attention(DEMO.manager);
    const marketing = await teamByName(demo.db, demo.orgId, "Marketing");
    expect(result.objectives.map((o) => o.title).sort()).toEqual([PIPELINE, WEBINARS, ADVOCACY].sort());
    expect(result.attention.filter((a) => a.title === ADVOCACY).map((a) => a.reason)).toEqual([
      "Draft waiting to be published",
    ]);
    for (const o of result.objectives) {
      expect(o.team?.id).toBe(marketing.id);
    }
    const byObjective = new Map(result.objectives.map((o) => [o.id, o]));
    for (const item of result.attention) {
      expect(byObjective.has(item.objectiveId)).toBe(true);
      expect(item.teamName).toBe("Marketing");
    }
    for (const o of result.objectives) {
      expect(result.attention.filter((a) => a.objectiveId === o.id).map((a) => a.reason)).toEqual(expectedReasons(o));
      expect(result.attention.filter((a) => a.objectiveId === o.id).every((a) => a.title === o.title)).toBe(true);
    }
  });

  it("flags a draft of the team and a key result left without a check-in for over a week", async () => {
    const marketing = await teamByName(demo.db, demo.orgId, "Marketing");
    const open = await cycleByStatus(demo.db, demo.orgId, "open");
    const sam = await userIdOf(demo.db, DEMO.member);
    const draft = await createObjective(
      demo.db,
      { organizationId: demo.orgId, cycleId: open.id, ownerId: sam },
      { title: "Launch a podcast", teamId: marketing.id, status: "draft" },
    );
    await createKeyResult(demo.db, { organizationId: demo.orgId, objectiveId: draft.id, ownerId: sam });
    const costPerLead = await keyResultByTitle(demo.db, demo.orgId, "Cost per lead");
    // The seed's check-ins are dated by its pinned "now", the rule by the clock: refresh the pipeline's
    // key results first, so exactly one is stale whatever today's date is.
    const pipeline = await objectiveByTitle(demo.db, demo.orgId, PIPELINE);
    await demo.db
      .update(keyResults)
      .set({ lastCheckInAt: sql`now() - interval '1 day'` as unknown as Date })
      .where(eq(keyResults.objectiveId, pipeline.id));
    await demo.db
      .update(keyResults)
      .set({ lastCheckInAt: sql`now() - interval '10 days'` as unknown as Date })
      .where(eq(keyResults.id, costPerLead.keyResult.id));

    const result = await attention(DEMO.manager);
    const reasons = (title: string) => result.attention.filter((a) => a.title === title).map((a) => a.reason);
    expect(reasons("Launch a podcast")).toEqual(["Draft waiting to be published"]);
    expect(reasons(PIPELINE)).toContain("1 key result(s) without a check-in this week");
    // The draft is the team's own; other teams do not see it.
    const salesLead = await attention("jordan.blake@example.com");
    expect(salesLead.objectives.map((o) => o.title)).not.toContain("Launch a podcast");
  });

  it("shows the Engineering lead Engineering's draft and Ravi's private objective, and nobody else's lead view shows them", async () => {
    const lena = await attention(DEMO.lena);
    const titles = lena.objectives.map((o) => o.title);
    const privateObjective = await objectiveByTitle(demo.db, demo.orgId, PRIVATE);
    const [draft] = await demo.db
      .select()
      .from(objectives)
      .where(
        and(
          eq(objectives.organizationId, demo.orgId),
          eq(objectives.status, "draft"),
          eq(objectives.ownerId, await userIdOf(demo.db, DEMO.lena)),
        ),
      );
    if (!draft) throw new Error("no Engineering draft");
    expect(titles).toEqual(
      expect.arrayContaining([PRIVATE, draft.title, "Raise platform reliability to enterprise grade"]),
    );
    expect(lena.attention.filter((a) => a.objectiveId === draft.id).map((a) => a.reason)).toContain(
      "Draft waiting to be published",
    );

    for (const email of [DEMO.manager, DEMO.priya, DEMO.admin, DEMO.member]) {
      const text = JSON.stringify(await attention(email));
      expect(text).not.toContain(privateObjective.id);
    }
  });

  it("gives someone who leads no team empty lists", async () => {
    for (const email of [DEMO.viewer, DEMO.member, DEMO.admin]) {
      expect(await attention(email)).toMatchObject({ objectives: [], attention: [] });
    }
  });

  it("counts only objectives of the current cycle", async () => {
    const closed = await cycleByStatus(demo.db, demo.orgId, "closed");
    const previous = await demo.db
      .select({ id: objectives.id })
      .from(objectives)
      .where(eq(objectives.cycleId, closed.id));
    const ids = previous.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    const lena = await attention(DEMO.lena);
    expect(lena.objectives.filter((o) => ids.includes(o.id))).toEqual([]);
    const stillThere = await demo.db.select({ id: objectives.id }).from(objectives).where(inArray(objectives.id, ids));
    expect(stillThere).toHaveLength(ids.length);
  });
});
