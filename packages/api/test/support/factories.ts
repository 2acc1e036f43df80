import { hashPassword } from "@meridian/auth/password";
import {
  cycles,
  type Database,
  keyResults,
  memberships,
  objectives,
  organizations,
  teamMembers,
  teams,
  users,
} from "@meridian/db";
import type {
  CycleStatus,
  KeyResultType,
  ObjectiveLevel,
  ObjectiveStatus,
  ProgressSource,
  Role,
  Visibility,
} from "@meridian/domain";
import { refreshRollups } from "../../src/modules/okr/objective-rollup";

/**
 * Small Drizzle-insert factories with sensible defaults, so that a test states
 * only what it is about. Every name, slug and email is unique per call.
 */

let sequence = 0;
const nextId = () => `${Date.now().toString(36)}-${(++sequence).toString(36)}`;

let factoryPasswordHash: Promise<string> | undefined;
/** One real argon2id hash shared by every factory user (hashing is slow on purpose). */
const passwordHash = () => {
  factoryPasswordHash ??= hashPassword("factory-password");
  return factoryPasswordHash;
};

export async function createOrganization(db: Database, overrides: { name?: string; isDemo?: boolean } = {}) {
  const n = nextId();
  const [row] = await db
    .insert(organizations)
    .values({ name: overrides.name ?? `Org ${n}`, slug: `org-${n}`, isDemo: overrides.isDemo ?? false })
    .returning();
  if (!row) throw new Error("organization was not created");
  return row;
}

export async function createUser(db: Database, overrides: { email?: string; name?: string; isActive?: boolean } = {}) {
  const n = nextId();
  const [row] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${n}@factory.test`,
      name: overrides.name ?? `User ${n}`,
      passwordHash: await passwordHash(),
      isActive: overrides.isActive ?? true,
    })
    .returning();
  if (!row) throw new Error("user was not created");
  return row;
}

export async function addMembership(db: Database, organizationId: string, userId: string, role: Role = "member") {
  const [row] = await db.insert(memberships).values({ organizationId, userId, role }).returning();
  if (!row) throw new Error("membership was not created");
  return row;
}

/** A user who is a member of `organizationId` with `role`. */
export async function createMember(
  db: Database,
  organizationId: string,
  role: Role = "member",
  overrides: { email?: string; name?: string } = {},
) {
  const user = await createUser(db, overrides);
  await addMembership(db, organizationId, user.id, role);
  return user;
}

export async function createTeam(
  db: Database,
  organizationId: string,
  overrides: {
    name?: string;
    parentId?: string | null;
    leads?: string[];
    members?: string[];
    archivedAt?: Date | null;
  } = {},
) {
  const [team] = await db
    .insert(teams)
    .values({
      organizationId,
      name: overrides.name ?? `Team ${nextId()}`,
      parentId: overrides.parentId ?? null,
      archivedAt: overrides.archivedAt ?? null,
    })
    .returning();
  if (!team) throw new Error("team was not created");
  const people = [
    ...(overrides.leads ?? []).map((userId) => ({ userId, role: "lead" as const })),
    ...(overrides.members ?? []).map((userId) => ({ userId, role: "member" as const })),
  ];
  if (people.length) {
    await db.insert(teamMembers).values(people.map((p) => ({ organizationId, teamId: team.id, ...p })));
  }
  return team;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** Defaults to an open cycle running from 30 days ago to 60 days ahead, so "now" is always inside it. */
export async function createCycle(
  db: Database,
  organizationId: string,
  overrides: { name?: string; startsOn?: string; endsOn?: string; status?: CycleStatus } = {},
) {
  const now = Date.now();
  const [row] = await db
    .insert(cycles)
    .values({
      organizationId,
      name: overrides.name ?? `Cycle ${nextId()}`,
      startsOn: overrides.startsOn ?? isoDay(new Date(now - 30 * DAY_MS)),
      endsOn: overrides.endsOn ?? isoDay(new Date(now + 60 * DAY_MS)),
      status: overrides.status ?? "open",
    })
    .returning();
  if (!row) throw new Error("cycle was not created");
  return row;
}

/** Defaults to an active, public team objective without alignment. */
export async function createObjective(
  db: Database,
  scope: { organizationId: string; cycleId: string; ownerId: string },
  overrides: {
    title?: string;
    level?: ObjectiveLevel;
    teamId?: string | null;
    parentId?: string | null;
    status?: ObjectiveStatus;
    visibility?: Visibility;
    progressSource?: ProgressSource;
    weight?: number;
  } = {},
) {
  const [row] = await db
    .insert(objectives)
    .values({
      ...scope,
      title: overrides.title ?? `Objective ${nextId()}`,
      level: overrides.level ?? "team",
      teamId: overrides.teamId ?? null,
      parentId: overrides.parentId ?? null,
      status: overrides.status ?? "active",
      visibility: overrides.visibility ?? "public",
      progressSource: overrides.progressSource ?? "key_results",
      weight: overrides.weight ?? 1,
    })
    .returning();
  if (!row) throw new Error("objective was not created");
  // Written as the API writes: the stored rollup of it and the chain above it kept in step.
  await refreshRollups(db, row.organizationId, [row.id]);
  return row;
}

/** Defaults to an "increase to" key result from 0 to 100 with no check-in yet. */
export async function createKeyResult(
  db: Database,
  scope: { organizationId: string; objectiveId: string; ownerId: string },
  overrides: {
    title?: string;
    type?: KeyResultType;
    startValue?: number;
    targetValue?: number;
    currentValue?: number | null;
    weight?: number;
    archivedAt?: Date | null;
  } = {},
) {
  const [row] = await db
    .insert(keyResults)
    .values({
      ...scope,
      title: overrides.title ?? `Key result ${nextId()}`,
      type: overrides.type ?? "increase_to",
      startValue: overrides.startValue ?? 0,
      targetValue: overrides.targetValue ?? 100,
      currentValue: overrides.currentValue ?? null,
      weight: overrides.weight ?? 1,
      archivedAt: overrides.archivedAt ?? null,
    })
    .returning();
  if (!row) throw new Error("key result was not created");
  await refreshRollups(db, row.organizationId, [row.objectiveId]);
  return row;
}

/**
 * A complete second organization: an admin and a member, one team led by the
 * admin, an open cycle, one objective owned by the admin and one key result
 * owned by the member.
 */
export async function createOrganizationWithOkr(db: Database, overrides: { name?: string } = {}) {
  const organization = await createOrganization(db, overrides);
  const admin = await createMember(db, organization.id, "admin");
  const member = await createMember(db, organization.id, "member");
  const team = await createTeam(db, organization.id, { leads: [admin.id], members: [member.id] });
  const cycle = await createCycle(db, organization.id);
  const objective = await createObjective(
    db,
    { organizationId: organization.id, cycleId: cycle.id, ownerId: admin.id },
    { teamId: team.id },
  );
  const keyResult = await createKeyResult(db, {
    organizationId: organization.id,
    objectiveId: objective.id,
    ownerId: member.id,
  });
  return { organization, admin, member, team, cycle, objective, keyResult };
}
