import { and, eq, inArray, kpis, memberships, notifications, reviews, teamMembers } from "@meridian/db";
import { mentionToken, type ReviewSnapshot, reviewRows } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createMember,
  createObjective,
  createOrganization,
  cycleByStatus,
  DEMO,
  teamByName,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { handleIngestActuals } from "../integrations/actuals-endpoint";

const demo = useDemoDatabase();
const WEBINARS = "Make our webinars the place buyers learn the category";
let id: Record<"admin" | "manager" | "member" | "viewer" | "ravi" | "lena", string>;
let marketingId: string;

beforeAll(async () => {
  id = {
    admin: await userIdOf(demo.db, DEMO.admin),
    manager: await userIdOf(demo.db, DEMO.manager),
    member: await userIdOf(demo.db, DEMO.member),
    viewer: await userIdOf(demo.db, DEMO.viewer),
    ravi: await userIdOf(demo.db, DEMO.ravi),
    lena: await userIdOf(demo.db, DEMO.lena),
  };
  marketingId = (await teamByName(demo.db, demo.orgId, "Marketing")).id;
});

/** The notifications of a kind, as (person, title) pairs, optionally only those about one link. */
async function sent(kind: (typeof notifications.$inferSelect)["kind"], linkStart?: string) {
  const rows = await demo.db
    .select({ userId: notifications.userId, title: notifications.title, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.organizationId, demo.orgId), eq(notifications.kind, kind)));
  return rows.filter((r) => !linkStart || r.link.startsWith(linkStart));
}

describe("comments: mention and comment_on_owned", () => {
  it("tells the mentioned person once, as a mention, and the owner who is not mentioned as a comment", async () => {
    const objectiveId = await demo.objectiveId(WEBINARS);
    const maya = await callerFor(demo.db, DEMO.manager);
    const mention = `Nice work ${mentionToken({ id: id.member, name: "Sam Rivera" })}, and ${mentionToken({
      id: id.member,
      name: "Sam",
    })} again`;
    const comment = await maya.comments.create({ objectiveId, body: mention });
    const mentions = await sent("mention", `/objectives/${objectiveId}#comment-${comment.id}`);
    expect(mentions).toEqual([
      {
        userId: id.member,
        title: `Maya Chen mentioned you on “${WEBINARS}”`,
        link: `/objectives/${objectiveId}#comment-${comment.id}`,
      },
    ]);
    // The owner was mentioned: no second notification about the same comment.
    expect(await sent("comment_on_owned", `/objectives/${objectiveId}#comment-${comment.id}`)).toEqual([]);

    const plain = await maya.comments.create({ objectiveId, body: "A comment without mentions" });
    const owned = await sent("comment_on_owned", `/objectives/${objectiveId}#comment-${plain.id}`);
    expect(owned.map((o) => o.userId)).toEqual([id.member]);
  });

  it("never tells the author, whether owner or mentioned", async () => {
    const objectiveId = await demo.objectiveId(WEBINARS);
    const sam = await callerFor(demo.db, DEMO.member);
    const comment = await sam.comments.create({
      objectiveId,
      body: `Note to self ${mentionToken({ id: id.member, name: "Sam" })}`,
    });
    const about = `/objectives/${objectiveId}#comment-${comment.id}`;
    expect(await sent("mention", about)).toEqual([]);
    expect(await sent("comment_on_owned", about)).toEqual([]);
  });

  it("does not tell a mentioned person who may not see the objective, nor someone of another organization", async () => {
    const openCycle = await cycleByStatus(demo.db, demo.orgId, "open");
    const engineering = await teamByName(demo.db, demo.orgId, "Engineering");
    // Ravi's private objective: he, Engineering's leads and admins see it; Sam does not.
    const privateObjective = await createObjective(
      demo.db,
      { organizationId: demo.orgId, cycleId: openCycle.id, ownerId: id.ravi },
      { teamId: engineering.id, visibility: "private", level: "personal" },
    );
    const otherOrg = await createOrganization(demo.db);
    const stranger = await createMember(demo.db, otherOrg.id, "member");
    const lena = await callerFor(demo.db, DEMO.lena);
    const comment = await lena.comments.create({
      objectiveId: privateObjective.id,
      body: [
        mentionToken({ id: id.member, name: "Sam" }),
        mentionToken({ id: stranger.id, name: "Stranger" }),
        mentionToken({ id: id.admin, name: "Alex" }),
      ].join(" "),
    });
    const about = `/objectives/${privateObjective.id}#comment-${comment.id}`;
    expect((await sent("mention", about)).map((m) => m.userId)).toEqual([id.admin]);
    expect((await sent("comment_on_owned", about)).map((m) => m.userId)).toEqual([id.ravi]);
    const strangers = await demo.db.select().from(notifications).where(eq(notifications.userId, stranger.id));
    expect(strangers).toEqual([]);
  });

  it("honours the person's choice: with both channels off, nothing is added", async () => {
    const objectiveId = await demo.objectiveId(WEBINARS);
    const sam = await callerFor(demo.db, DEMO.member);
    await sam.notifications.setMyPreferences({
      choices: [
        { kind: "comment_on_owned", channel: "in_app", enabled: false },
        { kind: "comment_on_owned", channel: "email", enabled: false },
      ],
    });
    const maya = await callerFor(demo.db, DEMO.manager);
    const comment = await maya.comments.create({ objectiveId, body: "Sam will not hear of this one" });
    expect(await sent("comment_on_owned", `/objectives/${objectiveId}#comment-${comment.id}`)).toEqual([]);
    await sam.notifications.setMyPreferences({ choices: [] });
  });
});

describe("corrective actions: action_assigned", () => {
  it("tells the owner when an action is created for them or handed to them, never oneself, once per save", async () => {
    const maya = await callerFor(demo.db, DEMO.manager);
    const openCycle = await cycleByStatus(demo.db, demo.orgId, "open");
    const review = await maya.reviews.open({ cycleId: openCycle.id, teamId: marketingId });
    const [row] = await demo.db.select({ snapshot: reviews.snapshot }).from(reviews).where(eq(reviews.id, review.id));
    const subject = reviewRows(row?.snapshot as unknown as ReviewSnapshot).find((r) => r.subjectType === "perspective");
    if (!subject?.subjectType) throw new Error("the review's snapshot has no perspective");
    const input = {
      reviewId: review.id,
      subjectType: subject.subjectType,
      subjectId: subject.id,
      title: "Fix the lead funnel",
      ownerId: id.member,
      dueOn: "2027-01-15",
    };
    const action = await maya.correctiveActions.create(input);
    await maya.correctiveActions.create(input); // the same request again returns the same action
    const forSam = await sent("action_assigned", `/reviews/${review.id}`);
    expect(forSam).toEqual([
      { userId: id.member, title: "Maya Chen assigned you “Fix the lead funnel”", link: `/reviews/${review.id}` },
    ]);
    await maya.correctiveActions.create({ ...input, title: "My own follow-up", ownerId: id.manager });
    expect(await sent("action_assigned", `/reviews/${review.id}`)).toHaveLength(1);

    await maya.correctiveActions.update({ actionId: action.id, version: action.version, ownerId: id.admin });
    const after = await sent("action_assigned", `/reviews/${review.id}`);
    expect(after.map((a) => a.userId).sort()).toEqual([id.member, id.admin].sort());
  });
});

describe("reviews: review_opened and review_finalized", () => {
  it("tells a team's review to its people — not viewers while open, never the one who acted", async () => {
    const maya = await callerFor(demo.db, DEMO.manager);
    const sales = await teamByName(demo.db, demo.orgId, "Sales");
    const closedCycle = await cycleByStatus(demo.db, demo.orgId, "closed");
    const review = await maya.reviews.open({ cycleId: closedCycle.id, teamId: sales.id });
    const team = await demo.db
      .select({ userId: teamMembers.userId, role: memberships.role })
      .from(teamMembers)
      .innerJoin(
        memberships,
        and(eq(memberships.organizationId, teamMembers.organizationId), eq(memberships.userId, teamMembers.userId)),
      )
      .where(and(eq(teamMembers.organizationId, demo.orgId), eq(teamMembers.teamId, sales.id)));
    const opened = (await sent("review_opened", `/reviews/${review.id}`)).map((n) => n.userId).sort();
    expect(opened).toEqual(
      team
        .filter((p) => p.role !== "viewer" && p.userId !== id.manager)
        .map((p) => p.userId)
        .sort(),
    );
    expect(opened.length).toBeGreaterThan(0);

    const admin = await callerFor(demo.db, DEMO.admin);
    await admin.reviews.finalize({ reviewId: review.id, version: review.version });
    const finalized = (await sent("review_finalized", `/reviews/${review.id}`)).map((n) => n.userId).sort();
    expect(finalized).toEqual(
      team
        .filter((p) => p.userId !== id.admin)
        .map((p) => p.userId)
        .sort(),
    );
  });

  it("tells an organization review's opening to managers and admins only", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const cycle = await admin.cycles.create({
      name: "Review test cycle",
      startsOn: "2031-01-01",
      endsOn: "2031-03-31",
    });
    const review = await admin.reviews.open({ cycleId: cycle.id });
    const leaders = await demo.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, demo.orgId), inArray(memberships.role, ["admin", "manager"])));
    const opened = (await sent("review_opened", `/reviews/${review.id}`)).map((n) => n.userId).sort();
    expect(opened).toEqual(
      leaders
        .map((l) => l.userId)
        .filter((u) => u !== id.admin)
        .sort(),
    );
    expect(opened).not.toContain(id.member);
  });
});

describe("KPIs: kpi_turned_red", () => {
  async function managersKpi() {
    const [kpi] = await demo.db
      .insert(kpis)
      .values({
        organizationId: demo.orgId,
        ownerId: id.manager,
        name: `Qualified leads ${Math.random().toString(36).slice(2, 8)}`,
        goal: 100,
        redFlag: 80,
        frequency: "monthly",
      })
      .returning({ id: kpis.id, name: kpis.name });
    if (!kpi) throw new Error("KPI was not created");
    return kpi;
  }

  it("tells the owner once per KPI and period when someone else's value makes the latest period red", async () => {
    const kpi = await managersKpi();
    const admin = await callerFor(demo.db, DEMO.admin);
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-10-01", value: 95 }] });
    expect(await sent("kpi_turned_red", `/kpis/${kpi.id}`)).toEqual([]);
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-11-01", value: 50 }] });
    const red = await sent("kpi_turned_red", `/kpis/${kpi.id}`);
    expect(red).toEqual([
      { userId: id.manager, title: `${kpi.name} turned red for Nov 2026`, link: `/kpis/${kpi.id}` },
    ]);
    // Still red, then amber and red again in the same period: one notification per period.
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-11-01", value: 40 }] });
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-11-01", value: 90 }] });
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-11-01", value: 30 }] });
    expect(await sent("kpi_turned_red", `/kpis/${kpi.id}`)).toHaveLength(1);
    // An earlier period turning red is not the latest: nothing.
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-10-01", value: 10 }] });
    expect(await sent("kpi_turned_red", `/kpis/${kpi.id}`)).toHaveLength(1);
  });

  it("also fires for a CSV import, and never for the owner's own entry", async () => {
    const kpi = await managersKpi();
    const maya = await callerFor(demo.db, DEMO.manager);
    await maya.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-11-01", value: 10 }] });
    expect(await sent("kpi_turned_red", `/kpis/${kpi.id}`)).toEqual([]);
    const admin = await callerFor(demo.db, DEMO.admin);
    await admin.kpiActuals.import({ csv: `kpi,period,value\n${kpi.name},2026-12,5` });
    expect((await sent("kpi_turned_red", `/kpis/${kpi.id}`)).map((n) => n.userId)).toEqual([id.manager]);
  });

  it("also fires for a push through the ingestion API, with no actor", async () => {
    const kpi = await managersKpi();
    const admin = await callerFor(demo.db, DEMO.admin);
    const { token } = await admin.apiTokens.create({ name: "Red push", scopes: ["kpis:write", "marketing:write"] });
    const response = await handleIngestActuals(
      new Request("http://127.0.0.1:3000/api/ingest/actuals", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ actuals: [{ kpi: kpi.name, period: "2026-11", value: 12 }] }),
      }),
      demo.db,
    );
    expect(response.status).toBe(200);
    expect((await sent("kpi_turned_red", `/kpis/${kpi.id}`)).map((n) => n.userId)).toEqual([id.manager]);
  });
});
