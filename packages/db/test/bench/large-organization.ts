import { chunk } from "../../src/chunk";
import type { Database } from "../../src/client";
import {
  checkIns,
  cycles,
  keyResults,
  memberships,
  objectives,
  organizations,
  teamMembers,
  teams,
  users,
} from "../../src/schema";

export interface LargeOrganizationSize {
  teams: number;
  people: number;
  objectives: number;
  keyResultsPerObjective: number;
  checkInsPerKeyResult: number;
}

export const BENCHMARK_SIZE: LargeOrganizationSize = {
  teams: 40,
  people: 400,
  objectives: 1_500,
  keyResultsPerObjective: 3,
  checkInsPerKeyResult: 6,
};

/**
 * A generated organization for benchmarks: teams in a tree, people in teams, one
 * open cycle of `now`'s quarter with company → team → personal objectives
 * aligned under each other, key results and weekly check-ins. The first person is an admin.
 */
export async function seedLargeOrganization(
  db: Database,
  size: LargeOrganizationSize,
  options: { passwordHash: string; now?: Date },
): Promise<{ organizationId: string; adminEmail: string }> {
  const now = options.now ?? new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const startsOn = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10);
  const endsOn = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0)).toISOString().slice(0, 10);
  const slug = `bench-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  const [org] = await db
    .insert(organizations)
    .values({ name: "Benchmark Corp", slug })
    .returning({ id: organizations.id });
  if (!org) throw new Error("organization was not created");
  const organizationId = org.id;

  const people = await db
    .insert(users)
    .values(
      Array.from({ length: size.people }, (_, i) => ({
        email: `person${i}@${slug}.example`,
        name: `Person ${i}`,
        passwordHash: options.passwordHash,
      })),
    )
    .returning({ id: users.id, email: users.email });
  await db.insert(memberships).values(
    people.map((p, i) => ({
      organizationId,
      userId: p.id,
      role: i === 0 ? ("admin" as const) : i % 10 === 1 ? ("manager" as const) : ("member" as const),
    })),
  );

  const teamIds: string[] = [];
  for (let i = 0; i < size.teams; i++) {
    const [team] = await db
      .insert(teams)
      .values({
        organizationId,
        name: `Team ${i}`,
        parentId: i === 0 ? null : (teamIds[Math.floor((i - 1) / 4)] ?? null),
      })
      .returning({ id: teams.id });
    teamIds.push(team?.id ?? "");
  }
  await db.insert(teamMembers).values(
    people.map((p, i) => ({
      organizationId,
      teamId: teamIds[i % teamIds.length] ?? "",
      userId: p.id,
      role: i < teamIds.length ? ("lead" as const) : ("member" as const),
    })),
  );

  const [cycle] = await db
    .insert(cycles)
    .values({ organizationId, name: "Benchmark quarter", startsOn, endsOn, status: "open" })
    .returning({ id: cycles.id });
  if (!cycle) throw new Error("cycle was not created");

  // 2% company, 18% team, the rest personal; each aligned to one of the level above.
  const companyCount = Math.max(1, Math.round(size.objectives * 0.02));
  const teamCount = Math.round(size.objectives * 0.18);
  const objectiveIds: string[] = [];
  for (let i = 0; i < size.objectives; i++) {
    const level = i < companyCount ? "company" : i < companyCount + teamCount ? "team" : "personal";
    const parentPool =
      level === "team"
        ? objectiveIds.slice(0, companyCount)
        : level === "personal"
          ? objectiveIds.slice(companyCount, companyCount + teamCount)
          : [];
    const [objective] = await db
      .insert(objectives)
      .values({
        organizationId,
        cycleId: cycle.id,
        level,
        title: `Objective ${i}: grow the thing that matters`,
        ownerId: people[i % people.length]?.id ?? "",
        teamId: level === "company" ? null : (teamIds[i % teamIds.length] ?? null),
        parentId: parentPool.length ? (parentPool[i % parentPool.length] ?? null) : null,
        status: "active",
        visibility: i % 50 === 0 ? "private" : "public",
        progressSource: level === "personal" ? "key_results" : "both",
      })
      .returning({ id: objectives.id });
    objectiveIds.push(objective?.id ?? "");
  }

  const start = new Date(`${startsOn}T00:00:00Z`).getTime();
  for (const batch of chunk(objectiveIds, 100)) {
    const krRows = batch.flatMap((objectiveId, j) =>
      Array.from({ length: size.keyResultsPerObjective }, (_, k) => ({
        organizationId,
        objectiveId,
        title: `Key result ${k + 1}`,
        type: "increase_to" as const,
        startValue: 0,
        targetValue: 100,
        currentValue: ((j + k) * 7) % 100,
        currentConfidence: 6,
        lastCheckInAt: new Date(start + size.checkInsPerKeyResult * 7 * 86_400_000),
        ownerId: people[(j + k) % people.length]?.id ?? "",
      })),
    );
    const created = await db
      .insert(keyResults)
      .values(krRows)
      .returning({ id: keyResults.id, ownerId: keyResults.ownerId });
    const checkInRows = created.flatMap((kr, k) =>
      Array.from({ length: size.checkInsPerKeyResult }, (_, w) => ({
        organizationId,
        keyResultId: kr.id,
        authorId: kr.ownerId,
        value: ((k * 7) % 100) * ((w + 1) / size.checkInsPerKeyResult),
        confidence: 6,
        idempotencyKey: crypto.randomUUID(),
        seq: w + 1,
        createdAt: new Date(start + (w + 1) * 7 * 86_400_000),
      })),
    );
    for (const rows of chunk(checkInRows)) await db.insert(checkIns).values(rows);
  }
  return { organizationId, adminEmail: people[0]?.email ?? "" };
}
