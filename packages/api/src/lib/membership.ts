import { cycles, type Database, memberships, organizations, type SQL, sql, teamMembers } from "@meridian/db";
import { isRole, type Role } from "@meridian/domain";
import { z } from "zod";
import type { OrganizationCycle } from "./scope";
import { type Rider, runShaped } from "./shaped-statement";

/*
 * The caller's membership: read on every request (DESIGN.md), remembered per process only as a
 * guess to start a query on (ADR 0030), and read again inside the query's own first statement
 * when it can ride there (ADR 0031).
 */

export interface OrganizationScope {
  id: string;
  name: string;
  isDemo: boolean;
  role: Role;
}

/** The organization a request acts in, the teams the user belongs to and leads there, and its cycles. */
export interface Membership {
  org: OrganizationScope;
  teams: { member: string[]; led: string[] };
  cycles: OrganizationCycle[];
}

/** The membership the request acts in: the requested organization, or the user's first. */
export async function loadMembership(
  db: Database,
  userId: string,
  requestedOrganizationId: string | null,
): Promise<OrganizationScope | null> {
  const found = await findMembership(db, userId, requestedOrganizationId);
  return found?.org ?? null;
}

/**
 * The membership and, in the same statement, the teams the user belongs to and
 * leads there: what the visibility rules need, without a second round trip.
 * A requested organization the user does not belong to falls back to their first.
 */
export async function findMembership(
  db: Database,
  userId: string,
  requestedOrganizationId: string | null,
): Promise<Membership | null> {
  const { shape, build, values } = membershipQuery(userId, requestedOrganizationId);
  // Every request runs this statement: rendered once per shape, filled per request (runShaped).
  const [row] = await runShaped<MembershipRow>(db, shape, build, values);
  if (!row && requestedOrganizationId) return findMembership(db, userId, null);
  return membershipFromRow(row ?? null);
}

/** The membership statement for this user and organization asked for (its placeholders are its own). */
function membershipQuery(
  userId: string,
  requestedOrganizationId: string | null,
): { shape: string; build: () => SQL; values: Record<string, string> } {
  const requested = Boolean(requestedOrganizationId && z.uuid().safeParse(requestedOrganizationId).success);
  return {
    shape: requested ? "membership:requested" : "membership:first",
    build: () => membershipStatement(requested),
    values: requested
      ? { membershipUserId: userId, membershipOrganizationId: requestedOrganizationId as string }
      : { membershipUserId: userId },
  };
}

/** A membership row as the request uses it; null for no row or a role this build does not know. */
export function membershipFromRow(row: Record<string, unknown> | MembershipRow | null): Membership | null {
  const found = row as MembershipRow | null;
  if (!found || !isRole(found.role)) return null;
  const ids = (list: string) => (list ? list.split(",") : []);
  return {
    org: { id: found.id, name: found.name, isDemo: found.isDemo, role: found.role },
    teams: { member: ids(found.memberOf), led: ids(found.leads) },
    cycles: found.cycles,
  };
}

/**
 * The membership statement as a rider (ADR 0031): read again inside the first statement the
 * handler runs. Its row is null when the user is no longer a member of the organization asked for,
 * or when that statement found no rows (the membership is then read on its own).
 */
export function membershipRider(db: Database, userId: string, requestedOrganizationId: string | null): Rider {
  return { db, ...membershipQuery(userId, requestedOrganizationId), claimed: false, row: null };
}

interface MembershipRow {
  id: string;
  name: string;
  isDemo: boolean;
  role: string;
  memberOf: string;
  leads: string;
  cycles: OrganizationCycle[];
}

/** The membership, its teams and the organization's cycles: findMembership's one statement. */
function membershipStatement(requested: boolean) {
  const teamsOf = (lead: boolean) => sql`(
    select coalesce(string_agg(${teamMembers.teamId}::text, ','), '') from ${teamMembers}
    where ${teamMembers.organizationId} = ${memberships.organizationId} and ${teamMembers.userId} = ${memberships.userId}
      ${lead ? sql`and ${teamMembers.role} = 'lead'` : sql``})`;
  return sql`select ${organizations.id} as id, ${organizations.name} as name, ${organizations.isDemo} as "isDemo",
      ${memberships.role} as role, ${teamsOf(false)} as "memberOf", ${teamsOf(true)} as leads,
      -- A handful of rows per organization, and most reads start by picking one of them.
      (select coalesce(json_agg(json_build_object(
          'id', ${cycles.id}, 'name', ${cycles.name}, 'startsOn', ${cycles.startsOn}, 'endsOn', ${cycles.endsOn},
          'status', ${cycles.status}, 'version', ${cycles.version}
        ) order by ${cycles.startsOn} desc), '[]') from ${cycles}
        where ${cycles.organizationId} = ${memberships.organizationId}) as cycles
    from ${memberships} join ${organizations} on ${organizations.id} = ${memberships.organizationId}
    where ${memberships.userId} = ${sql.placeholder("membershipUserId")} and ${memberships.deactivatedAt} is null
      ${requested ? sql`and ${memberships.organizationId} = ${sql.placeholder("membershipOrganizationId")}` : sql``}
    order by ${memberships.createdAt}, ${organizations.name}
    limit 1`;
}

/**
 * The membership each user last acted in, per database and organization asked for, in this process:
 * a guess to start a read with, never an authority (ADR 0030). Bounded; the oldest entry goes first.
 */
const lastMemberships = new WeakMap<Database, Map<string, { membership: Membership; json: string }>>();
const LAST_MEMBERSHIPS_KEPT = 10_000;

export function membershipsSeen(db: Database) {
  const seen = lastMemberships.get(db) ?? new Map<string, { membership: Membership; json: string }>();
  lastMemberships.set(db, seen);
  return seen;
}

export function rememberMembership(db: Database, key: string, membership: Membership | null) {
  const seen = membershipsSeen(db);
  seen.delete(key);
  if (!membership) return;
  seen.set(key, { membership, json: JSON.stringify(membership) });
  if (seen.size > LAST_MEMBERSHIPS_KEPT) {
    const oldest = seen.keys().next().value;
    if (oldest !== undefined) seen.delete(oldest);
  }
}

/**
 * Whether a procedure's handler runs a shaped statement the membership can ride with, as learned
 * from its last successful run in this process (unknown: try). A handler that ran none gets the
 * membership read beside it instead, as before.
 */
const folding = new Map<string, boolean>();

export function foldsMembership(path: string): boolean {
  return folding.get(path) ?? true;
}

export function learnFolding(path: string, claimed: boolean, succeeded: boolean) {
  // A failure (bad input, not found) may stop before any statement: it teaches nothing.
  if (claimed || succeeded) folding.set(path, claimed);
}
