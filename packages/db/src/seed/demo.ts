import { quarterAt, quarterLabel, todayIso } from "@meridian/domain";
import { count, eq } from "drizzle-orm";
import type { Database, Executor } from "../client";
import {
  activityLog,
  checkIns,
  comments,
  cycles,
  keyResults,
  memberships,
  objectives,
  organizations,
  teamMembers,
  teams,
  users,
} from "../schema";
import { endOfRange, startOfDay } from "./calendar";
import { seedDemoCampaigns } from "./campaigns";
import {
  DEMO_OBJECTIVES,
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  DEMO_PREVIOUS_OBJECTIVES,
  DEMO_TEAMS,
  DEMO_USERS,
  type DemoKeyResult,
  type DemoObjective,
} from "./demo-data";
import { seedDemoExperiments } from "./experiments";
import { seedDemoScorecard } from "./scorecard";

export interface SeedOptions {
  /** Hashes the demo password; injected so the database package stays free of auth code. */
  hashPassword: (password: string) => Promise<string>;
  /** "Today" for the seeded history; tests pin it. */
  now?: Date;
}

const WEEK = 7 * 86_400_000;

/** Seeds the demo organization into an empty database. Returns false (and writes nothing) otherwise. */
export async function seedDemoIfEmpty(db: Database, options: SeedOptions): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db, options);
  return true;
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<void> {
  const now = options.now ?? new Date();
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => options.hashPassword(DEMO_PASSWORD)));

  await db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ ...DEMO_ORGANIZATION, isDemo: true })
      .returning({ id: organizations.id });
    if (!org) throw new Error("Demo organization was not created");
    const organizationId = org.id;

    const userRows = await tx
      .insert(users)
      .values(DEMO_USERS.map((u, i) => ({ email: u.email, name: u.name, passwordHash: passwordHashes[i] ?? "" })))
      .returning({ id: users.id, email: users.email });
    const idByEmail = new Map(userRows.map((u) => [u.email, u.id]));
    const userId = new Map(DEMO_USERS.map((u) => [u.key, idByEmail.get(u.email) ?? ""]));
    await tx
      .insert(memberships)
      .values(DEMO_USERS.map((u) => ({ organizationId, userId: need(userId, u.key), role: u.role })));

    const teamId = new Map<string, string>();
    for (const team of DEMO_TEAMS) {
      const [created] = await tx
        .insert(teams)
        .values({ organizationId, name: team.name, parentId: team.parent ? need(teamId, team.parent) : null })
        .returning({ id: teams.id });
      teamId.set(team.key, created?.id ?? "");
      const people = [
        ...team.leads.map((key) => ({ key, role: "lead" as const })),
        ...team.members.map((key) => ({ key, role: "member" as const })),
      ];
      await tx.insert(teamMembers).values(
        people.map((p) => ({
          organizationId,
          teamId: need(teamId, team.key),
          userId: need(userId, p.key),
          role: p.role,
        })),
      );
    }

    const today = todayIso(now);
    const cycleOf = (offset: number) => {
      const quarter = quarterAt(today, offset);
      return { name: quarterLabel(quarter), startsOn: quarter.start, endsOn: quarter.end };
    };
    const current = cycleOf(0);
    const previous = cycleOf(-1);
    const [currentCycle, previousCycle] = await tx
      .insert(cycles)
      .values([
        { organizationId, ...current, status: "open" },
        { organizationId, ...previous, status: "closed" },
      ])
      .returning({ id: cycles.id });
    if (!currentCycle || !previousCycle) throw new Error("Demo cycles were not created");

    const ctx = { tx, organizationId, userId, teamId };
    // Last quarter first, so this quarter's carried-over objectives can link back to it.
    const prevEnd = endOfRange(previous.endsOn);
    const previousIds = await writeObjectives(
      ctx,
      previousCycle.id,
      DEMO_PREVIOUS_OBJECTIVES,
      startOfDay(previous.startsOn),
      prevEnd,
      prevEnd,
      new Map(),
    );
    await writeObjectives(
      ctx,
      currentCycle.id,
      DEMO_OBJECTIVES,
      startOfDay(current.startsOn),
      endOfRange(current.endsOn),
      now,
      previousIds,
    );
    await seedDemoScorecard(tx, { organizationId, userId, now });
    await seedDemoExperiments(tx, { organizationId, userId, teamId, now });
    await seedDemoCampaigns(tx, { organizationId, userId, teamId, now });

    await tx.insert(activityLog).values({
      organizationId,
      actorId: null,
      entityType: "organization",
      entityId: organizationId,
      action: "organization.seeded",
      details: { users: DEMO_USERS.length, objectives: DEMO_OBJECTIVES.length + DEMO_PREVIOUS_OBJECTIVES.length },
    });
  });
}

interface WriteContext {
  tx: Executor;
  organizationId: string;
  userId: Map<string, string>;
  teamId: Map<string, string>;
}

async function writeObjectives(
  ctx: WriteContext,
  cycleId: string,
  list: DemoObjective[],
  cycleStart: Date,
  cycleEnd: Date,
  asOf: Date,
  earlier: Map<string, string>,
): Promise<Map<string, string>> {
  const objectiveId = new Map<string, string>();
  // Parents come first in the data, so one pass resolves every alignment.
  for (const o of list) {
    const [created] = await ctx.tx
      .insert(objectives)
      .values({
        organizationId: ctx.organizationId,
        cycleId,
        level: o.level,
        title: o.title,
        description: o.description ?? "",
        ownerId: need(ctx.userId, o.owner),
        teamId: o.team ? need(ctx.teamId, o.team) : null,
        parentId: o.parent ? need(objectiveId, o.parent) : null,
        status: o.status ?? "active",
        visibility: o.visibility ?? "public",
        progressSource: o.progressSource ?? "key_results",
        weight: o.weight ?? 1,
        carriedFromId: o.carriedFrom ? need(earlier, o.carriedFrom) : null,
      })
      .returning({ id: objectives.id });
    objectiveId.set(o.key, created?.id ?? "");
    if (o.comments?.length) {
      await ctx.tx.insert(comments).values(
        o.comments.map((c, i) => ({
          organizationId: ctx.organizationId,
          objectiveId: need(objectiveId, o.key),
          authorId: need(ctx.userId, c.author),
          body: c.body,
          createdAt: new Date(asOf.getTime() - ((o.comments?.length ?? 0) - i) * 86_400_000),
        })),
      );
    }

    for (const kr of o.keyResults) {
      const history = checkInHistory(kr, cycleStart, cycleEnd, asOf);
      const latest = history.at(-1);
      const [createdKr] = await ctx.tx
        .insert(keyResults)
        .values({
          organizationId: ctx.organizationId,
          objectiveId: need(objectiveId, o.key),
          title: kr.title,
          type: kr.type,
          startValue: kr.start,
          targetValue: kr.target,
          currentValue: latest?.value ?? null,
          currentConfidence: latest?.confidence ?? null,
          lastCheckInAt: latest?.at ?? null,
          unit: kr.unit ?? "number",
          unitLabel: kr.unitLabel ?? "",
          weight: kr.weight ?? 1,
          ownerId: need(ctx.userId, kr.owner),
          gradeOverride: kr.grade?.grade ?? null,
          gradeReason: kr.grade?.reason ?? "",
        })
        .returning({ id: keyResults.id });
      if (!createdKr || history.length === 0) continue;
      await ctx.tx.insert(checkIns).values(
        // Oldest first: the last of the history, the one mirrored on the key result above, is the newest.
        history.map((h, i) => ({
          organizationId: ctx.organizationId,
          keyResultId: createdKr.id,
          authorId: need(ctx.userId, kr.owner),
          value: h.value,
          confidence: h.confidence,
          comment: h.comment,
          idempotencyKey: crypto.randomUUID(),
          seq: i + 1,
          createdAt: h.at,
        })),
      );
    }
  }
  return objectiveId;
}

interface SeededCheckIn {
  at: Date;
  value: number;
  confidence: number;
  comment: string;
}

/** Weekly check-ins from the cycle start to `asOf`, drifting toward the key result's pace. */
export function checkInHistory(kr: DemoKeyResult, cycleStart: Date, cycleEnd: Date, asOf: Date): SeededCheckIn[] {
  if (kr.pace === null) return [];
  const span = cycleEnd.getTime() - cycleStart.getTime();
  const out: SeededCheckIn[] = [];
  const random = seededRandom(kr.title);
  for (let t = cycleStart.getTime() + WEEK; t <= Math.min(asOf.getTime(), cycleEnd.getTime()); t += WEEK) {
    const elapsed = (t - cycleStart.getTime()) / span;
    const jitter = (random() - 0.5) * 0.06;
    out.push({
      at: new Date(t),
      value: valueAt(kr, Math.max(0, kr.pace * elapsed + jitter), random),
      confidence: kr.confidence ?? 5,
      comment: out.length === 0 ? "First check-in of the cycle." : "",
    });
  }
  const last = out.at(-1);
  if (last) last.comment = commentFor(kr);
  return out;
}

function valueAt(kr: DemoKeyResult, fraction: number, random: () => number): number {
  switch (kr.type) {
    case "increase_to":
    case "decrease_to":
      return roundLike(kr.start + (kr.target - kr.start) * fraction, Math.abs(kr.target - kr.start));
    case "stay_at_or_above":
      return round(kr.target + (kr.pace === 1 ? random() * 0.08 : -0.3));
    case "stay_at_or_below":
      return Math.max(0, kr.target + (kr.pace === 1 ? -1 : 1));
    case "milestone":
      return fraction >= 0.999 && kr.pace !== null && kr.pace >= 1 ? 1 : 0;
    case "percentage":
      return Math.round(Math.min(100, 100 * fraction));
  }
}

function commentFor(kr: DemoKeyResult): string {
  const pace = kr.pace ?? 0;
  if (pace >= 1) return "Ahead of plan; keeping the cadence.";
  if (pace >= 0.8) return "Roughly on plan, watching the trend.";
  if (pace >= 0.5) return "Behind plan; a recovery plan is in review.";
  return "Blocked on dependencies; escalated.";
}

const round = (n: number) => Math.round(n * 100) / 100;
/** As many decimals as a person would report for a range this wide: 482 leads, 4.9 M USD. */
const roundLike = (n: number, span: number) => {
  const factor = span >= 10 ? 1 : span >= 1 ? 10 : 100;
  return Math.round(n * factor) / factor;
};

/** Deterministic per key result, so reseeding gives the same story. */
function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

function need(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Demo data refers to unknown key "${key}"`);
  return value;
}

export async function demoOrganizationExists(db: Database): Promise<boolean> {
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.isDemo, true))
    .limit(1);
  return rows.length > 0;
}
