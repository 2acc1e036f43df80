import {
  and,
  correctiveActions,
  cycles,
  type Database,
  desc,
  eq,
  inArray,
  isNull,
  organizations,
  reviewComments,
  reviews,
  users,
} from "@meridian/db";
import {
  formatKpiValue,
  quarterAt,
  quarterContaining,
  type ReviewSnapshot,
  type ReviewSnapshotRow,
  reviewRows,
} from "@meridian/domain";
import { recordActivity } from "../../lib/activity";
import { toCycleView } from "../okr/cycles.queries";
import { loadLiveActions } from "../reviews/review-rows";
import { takeReviewSnapshot } from "../reviews/take-snapshot";

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00.000Z`).getTime() + n * DAY).toISOString().slice(0, 10);

/**
 * The demo's finalized review of last quarter, for the whole organization:
 * opened and snapshotted with the same code as `reviews.open`, a few
 * commentaries, three corrective actions (one done, two open, due this
 * quarter), then finalized. Does nothing when the closed cycle is missing or already reviewed.
 */
export async function seedDemoReview(db: Database, organizationId: string, now: Date): Promise<void> {
  const [cycle] = await db
    .select({
      id: cycles.id,
      name: cycles.name,
      startsOn: cycles.startsOn,
      endsOn: cycles.endsOn,
      status: cycles.status,
      version: cycles.version,
    })
    .from(cycles)
    .where(and(eq(cycles.organizationId, organizationId), eq(cycles.status, "closed")))
    .orderBy(desc(cycles.startsOn))
    .limit(1);
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!cycle || !organization) return;
  const [already] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.organizationId, organizationId), eq(reviews.cycleId, cycle.id), isNull(reviews.teamId)))
    .limit(1);
  if (already) return;

  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, [
        "priya.nair@example.com",
        "manager@example.com",
        "member@example.com",
        "jordan.blake@example.com",
        "admin@example.com",
      ]),
    );
  const byEmail = new Map(people.map((p) => [p.email, p.id]));
  const admin = byEmail.get("admin@example.com");
  if (!admin) return;
  const who = (email: string) => byEmail.get(email) ?? admin;
  const ceo = who("priya.nair@example.com");

  // Opened a few days after the quarter ended, finalized a week later — never in the future.
  const day = (n: number) =>
    new Date(Math.min(now.getTime(), new Date(`${addDays(cycle.endsOn, n)}T09:00:00.000Z`).getTime()));
  const openedAt = day(3);
  const finalizedAt = day(10);
  const snapshot = await takeReviewSnapshot(db, organizationId, toCycleView(cycle), null, openedAt);
  const nextQuarter = quarterAt(quarterContaining(cycle.startsOn).start, 1).start;
  const plan = demoCommentary(snapshot);

  await db.transaction(async (tx) => {
    const [review] = await tx
      .insert(reviews)
      .values({
        organizationId,
        cycleId: cycle.id,
        teamId: null,
        title: `${cycle.name} review — ${organization.name}`,
        snapshot: snapshot as unknown as Record<string, unknown>,
        openedById: ceo,
        openedAt,
        updatedAt: openedAt,
      })
      .returning({ id: reviews.id });
    if (!review) throw new Error("demo review was not created");
    await recordActivity(tx, {
      organizationId,
      actorId: ceo,
      entityType: "review",
      entityId: review.id,
      action: "review.opened",
      details: { cycleId: cycle.id, teamId: null, demo: true },
    });

    if (plan.comments.length) {
      await tx.insert(reviewComments).values(
        plan.comments.map((c) => ({
          organizationId,
          reviewId: review.id,
          subjectType: c.row.subjectType ?? "perspective",
          subjectId: c.row.id,
          body: c.body,
          authorId: ceo,
          createdAt: openedAt,
          updatedAt: openedAt,
        })),
      );
    }
    if (plan.actions.length) {
      await tx.insert(correctiveActions).values(
        plan.actions.map((a, i) => ({
          organizationId,
          reviewId: review.id,
          subjectType: a.row.subjectType ?? "perspective",
          subjectId: a.row.id,
          title: a.title,
          ownerId: who(DEMO_ACTION_OWNERS[i] ?? "manager@example.com"),
          dueOn: addDays(nextQuarter, a.dueInDays),
          status: a.status,
          createdAt: openedAt,
          updatedAt: openedAt,
        })),
      );
    }

    // Frozen as they stood at finalizing.
    const frozen = await loadLiveActions(tx, {
      id: review.id,
      organizationId,
      teamId: null,
      cycleStartsOn: cycle.startsOn,
      snapshot,
    });
    await tx
      .update(reviews)
      .set({
        status: "finalized",
        finalizedById: ceo,
        finalizedAt,
        updatedAt: finalizedAt,
        finalActions: frozen.map((a) => ({ ...a })) as unknown as Record<string, unknown>[],
        version: 2,
      })
      .where(eq(reviews.id, review.id));
    await recordActivity(tx, {
      organizationId,
      actorId: ceo,
      entityType: "review",
      entityId: review.id,
      action: "review.finalized",
      details: { actions: frozen.length, demo: true },
    });
  });
}

/** Who owns the three demo actions, in order: the manager, the member (so a member has one to update), sales. */
const DEMO_ACTION_OWNERS = ["manager@example.com", "member@example.com", "jordan.blake@example.com"];

interface DemoPlan {
  comments: { row: ReviewSnapshotRow; body: string }[];
  actions: { row: ReviewSnapshotRow; title: string; dueInDays: number; status: "open" | "done" }[];
}

/**
 * Commentary and actions written against whatever the snapshot holds: the
 * weakest perspective, the weakest KPIs and the strongest perspective. An empty
 * scorecard gets none (actions need a subject).
 */
export function demoCommentary(snapshot: ReviewSnapshot): DemoPlan {
  const rows = reviewRows(snapshot);
  const scored = (kind: ReviewSnapshotRow["kind"]) =>
    rows.filter((r) => r.kind === kind && r.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  const perspectives = scored("perspective");
  const kpis = scored("kpi");
  const objectives = scored("objective");
  const weakest = perspectives[0];
  const strongest = perspectives.at(-1);
  const [worstKpi, secondKpi] = kpis;
  const worstObjective = objectives[0];

  const shown = (value: number | null) => formatKpiValue(value, worstKpi?.unit ?? "", worstKpi?.kpiKind);
  const comments: DemoPlan["comments"] = [];
  const actions: DemoPlan["actions"] = [];
  if (strongest && strongest !== weakest) {
    comments.push({
      row: strongest,
      body: `${strongest.name} carried the quarter. Keep the cadence that got us here and share what worked with the other teams.`,
    });
  }
  if (weakest) {
    comments.push({
      row: weakest,
      body: `${weakest.name} is where we fell short this quarter. The board asked for a recovery plan with monthly checkpoints; see the actions below.`,
    });
  }
  if (worstKpi) {
    comments.push({
      row: worstKpi,
      body: `${worstKpi.name} finished at ${shown(worstKpi.actual)} against a goal of ${shown(worstKpi.goal)}. The trend turned in the last month; we treat it as the first priority next quarter.`,
    });
    actions.push({
      row: worstKpi,
      title: `Recovery plan for ${worstKpi.name}, reviewed monthly`,
      dueInDays: 45,
      status: "open",
    });
  }
  const second = secondKpi ?? worstObjective;
  if (second) {
    actions.push({ row: second, title: `Root-cause analysis of ${second.name}`, dueInDays: 75, status: "open" });
  }
  const doneSubject = worstObjective ?? weakest;
  if (doneSubject) {
    actions.unshift({
      row: doneSubject,
      title: `Name a single owner for ${doneSubject.name} and agree the measures`,
      dueInDays: 14,
      status: "done",
    });
  }
  return { comments, actions };
}
