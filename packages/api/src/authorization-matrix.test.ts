import { randomUUID } from "node:crypto";
import {
  activityLog,
  and,
  checkIns,
  cycles,
  type Database,
  type DatabaseHandle,
  DEMO_PASSWORD,
  eq,
  keyResults,
  memberships,
  objectives,
  organizations,
  sql,
  teamMembers,
  teams,
} from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import type { Role } from "@meridian/domain";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppRouter, appRouter, createCaller } from "./root";
import {
  type Caller,
  callerFor,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  cycleByStatus,
  DEMO,
  keyResultByTitle,
  type Outcome,
  objectiveByTitle,
  outcomeOf,
  seedDemoOrganization,
  teamByName,
  userIdOf,
} from "./testing";
import { organizationFingerprint, writeFingerprint } from "./testing/fingerprint";
import { createContext } from "./trpc";

/**
 * The authorization matrix: every procedure of the router × every principal ×
 * every scope → the expected outcome, from one policy table (EXPECTED).
 *
 * Principals are the four demo roles of Northwind Labs plus a visitor without a
 * session. Scopes say which item the call is about:
 *
 * - own:       the principal's own team / something they own (themselves, for people procedures);
 * - otherTeam: something of another team of the same organization (Sales);
 * - otherOrg:  something of a second organization (Globex) — and the caller also
 *              forges Globex as its chosen organization, as a tampered cookie would;
 * - private:   someone else's private objective, its key result, its team
 *              (Engineering) or its owner.
 *
 * Procedures that take no item are called in every scope; there the scope
 * decides what the answer must not leak. Every allowed answer is searched for
 * Globex's ids and names, and — for principals who may not see them — for the
 * private objective and for Engineering's draft. Every refused call must write
 * nothing at all, and no call in the otherOrg scope may change anything of Globex.
 *
 * A procedure added to the router without a row in EXPECTED and SCENARIOS fails
 * the typecheck (both are keyed by `ProcedurePath`) and this file.
 */
type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;
type ProcedurePath = { [R in keyof Inputs & string]: `${R}.${keyof Inputs[R] & string}` }[keyof Inputs & string];
type InputOf<P extends ProcedurePath> = P extends `${infer R extends keyof Inputs & string}.${infer K}`
  ? K extends keyof Inputs[R]
    ? Inputs[R][K]
    : never
  : never;
type OutputOf<P extends ProcedurePath> = P extends `${infer R extends keyof Outputs & string}.${infer K}`
  ? K extends keyof Outputs[R]
    ? Outputs[R][K]
    : never
  : never;

const PRINCIPALS = ["anonymous", "viewer", "member", "manager", "admin"] as const;
type Principal = (typeof PRINCIPALS)[number];
const SCOPES = ["own", "otherTeam", "otherOrg", "private"] as const;
type Scope = (typeof SCOPES)[number];

type ByScope = Record<Scope, Outcome>;
/** One outcome for every scope, or one per scope. */
type Decision = Outcome | ByScope;

const scoped = (own: Outcome, otherTeam: Outcome, otherOrg: Outcome, priv: Outcome): ByScope => ({
  own,
  otherTeam,
  otherOrg,
  private: priv,
});
/** Everyone in the organization, whatever their role; never a visitor. */
const SIGNED_IN = {
  anonymous: "UNAUTHORIZED",
  viewer: "allow",
  member: "allow",
  manager: "allow",
  admin: "allow",
} as const satisfies Record<Principal, Decision>;
/** Admin-only, with `admin` saying what happens to the admin in each scope. */
const adminOnly = (admin: Decision): Record<Principal, Decision> => ({
  anonymous: "UNAUTHORIZED",
  viewer: "FORBIDDEN",
  member: "FORBIDDEN",
  manager: "FORBIDDEN",
  admin,
});
/** An item of another organization does not exist for anyone here. */
const ITEM_MANAGEMENT = scoped("allow", "allow", "NOT_FOUND", "allow");
/** Reading: anyone in the organization; another organization's item and a private one one may not see do not exist. */
const READ_ITEM = scoped("allow", "allow", "NOT_FOUND", "NOT_FOUND");
/**
 * Writing objectives and their key results: members their own personal
 * objectives, managers also their teams', admins anything; another team's is
 * FORBIDDEN, what one may not see is NOT_FOUND.
 */
const OBJECTIVE_WRITE = {
  anonymous: "UNAUTHORIZED",
  viewer: "FORBIDDEN",
  member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
  manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
  admin: ITEM_MANAGEMENT,
} as const satisfies Record<Principal, Decision>;

/** THE POLICY: procedure × principal (× scope) → "allow" or the TRPCError code. */
const EXPECTED: Record<ProcedurePath, Record<Principal, Decision>> = {
  // Reachable with a temporary password too; needs no organization.
  "me.get": SIGNED_IN,
  "account.changePassword": SIGNED_IN,
  // Public on purpose: the login page lists the demo sign-ins.
  "demo.accounts": { anonymous: "allow", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },

  "cycles.list": SIGNED_IN,
  "cycles.current": SIGNED_IN,
  "teams.list": SIGNED_IN,
  "people.list": SIGNED_IN,
  "organizations.settings": SIGNED_IN,
  // Another organization's cycle does not exist for anyone here.
  "objectives.dashboard": {
    anonymous: "UNAUTHORIZED",
    viewer: scoped("allow", "allow", "NOT_FOUND", "allow"),
    member: scoped("allow", "allow", "NOT_FOUND", "allow"),
    manager: scoped("allow", "allow", "NOT_FOUND", "allow"),
    admin: scoped("allow", "allow", "NOT_FOUND", "allow"),
  },
  "objectives.mine": SIGNED_IN,
  "objectives.teamAttention": SIGNED_IN,
  "objectives.list": {
    anonymous: "UNAUTHORIZED",
    viewer: scoped("allow", "allow", "NOT_FOUND", "allow"),
    member: scoped("allow", "allow", "NOT_FOUND", "allow"),
    manager: scoped("allow", "allow", "NOT_FOUND", "allow"),
    admin: scoped("allow", "allow", "NOT_FOUND", "allow"),
  },
  "objectives.get": {
    anonymous: "UNAUTHORIZED",
    viewer: READ_ITEM,
    member: READ_ITEM,
    manager: READ_ITEM,
    admin: ITEM_MANAGEMENT,
  },
  // own: a personal objective in one's own team (company-level for the admin); otherTeam: a Sales team
  // objective; private: a personal objective aligned under Ravi's private one.
  "objectives.create": OBJECTIVE_WRITE,
  "objectives.update": OBJECTIVE_WRITE,
  "objectives.archive": OBJECTIVE_WRITE,
  // own: a draft of one's own team that one owns — only the team's lead (or an admin) publishes it;
  // otherTeam: a Sales draft, which only Sales (and admins) can see.
  "objectives.publish": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("FORBIDDEN", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
    manager: scoped("allow", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
    admin: ITEM_MANAGEMENT,
  },
  "keyResults.create": OBJECTIVE_WRITE,
  "keyResults.update": OBJECTIVE_WRITE,
  "keyResults.archive": OBJECTIVE_WRITE,
  // Closed-cycle key results: their owner grades them, so do editors of the objective.
  "keyResults.grade": OBJECTIVE_WRITE,
  "comments.create": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: READ_ITEM,
    manager: READ_ITEM,
    admin: ITEM_MANAGEMENT,
  },

  // Owners check in on their own key results, leads on their team's, admins on
  // anything they can see; a key result one may not see does not exist.
  "checkIns.create": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    admin: scoped("allow", "allow", "NOT_FOUND", "allow"),
  },
  // Only a check-in's author or an admin corrects or deletes it; a check-in on a private key result
  // the caller may not see does not exist for them.
  "checkIns.update": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    admin: ITEM_MANAGEMENT,
  },
  "checkIns.delete": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
    admin: ITEM_MANAGEMENT,
  },

  // Cycles are the admin's: fresh cycles far in the future, Globex's for otherOrg.
  "cycles.create": adminOnly("allow"),
  "cycles.open": adminOnly(ITEM_MANAGEMENT),
  "cycles.close": adminOnly(ITEM_MANAGEMENT),
  "cycles.carryOver": adminOnly(ITEM_MANAGEMENT),

  "users.list": adminOnly("allow"),
  // otherOrg: someone with an account in another organization joins this one (no new password).
  "users.create": adminOnly("allow"),
  "users.changeRole": adminOnly(ITEM_MANAGEMENT),
  // Not oneself.
  "users.deactivate": adminOnly(scoped("BAD_REQUEST", "allow", "NOT_FOUND", "allow")),
  "users.reactivate": adminOnly(ITEM_MANAGEMENT),
  "users.resetPassword": adminOnly(scoped("BAD_REQUEST", "allow", "NOT_FOUND", "allow")),

  "teams.create": adminOnly(ITEM_MANAGEMENT),
  "teams.update": adminOnly(ITEM_MANAGEMENT),
  "teams.archive": adminOnly(ITEM_MANAGEMENT),
  "teams.setMember": adminOnly(ITEM_MANAGEMENT),

  // otherOrg: a forged organization choice still only ever reaches the caller's own organization.
  "organizations.updateSettings": adminOnly("allow"),
  "organizations.overview": adminOnly("allow"),
  "audit.list": adminOnly("allow"),
  "audit.entityTypes": adminOnly("allow"),
};

function expectedOutcome(path: ProcedurePath, principal: Principal, scope: Scope): Outcome {
  const decision = EXPECTED[path][principal];
  return typeof decision === "string" ? decision : decision[scope];
}

// ---------------------------------------------------------------------------
// Fixtures

type TeamName = "Executive" | "Marketing" | "Sales" | "Engineering";

interface PrincipalFacts {
  email: string | null;
  /** Demo user whose ids stand in for the principal's "own" things (the visitor borrows the member's). */
  standIn: keyof typeof DEMO;
  role: Role;
  team: TeamName;
  teamRole: "lead" | "member";
}

const PRINCIPAL: Record<Principal, PrincipalFacts> = {
  anonymous: { email: null, standIn: "member", role: "member", team: "Marketing", teamRole: "member" },
  viewer: { email: DEMO.viewer, standIn: "viewer", role: "viewer", team: "Executive", teamRole: "member" },
  member: { email: DEMO.member, standIn: "member", role: "member", team: "Marketing", teamRole: "member" },
  manager: { email: DEMO.manager, standIn: "manager", role: "manager", team: "Marketing", teamRole: "lead" },
  admin: { email: DEMO.admin, standIn: "admin", role: "admin", team: "Executive", teamRole: "member" },
};

/**
 * The "own" objective, public and active: the member's personal one, the
 * Marketing lead's team objective, the admin's company objective (in the
 * viewer's team, Executive, for the viewer).
 */
const OWN_OBJECTIVE: Record<Principal, string> = {
  anonymous: "Make our webinars the place buyers learn the category",
  viewer: "Be a place great people want to join",
  member: "Make our webinars the place buyers learn the category",
  manager: "Build a predictable marketing pipeline",
  admin: "Be a place great people want to join",
};
/** Sales' team objective, owned by its lead. */
const OTHER_TEAM_OBJECTIVE = "Close more of the deals we create";
const PRIVATE_OBJECTIVE = "Grow into a team lead role";
/** Engineering's draft: only Engineering and admins see it. */
const ENGINEERING_DRAFT = "Hiring plan for the second half";

/** The "own" key result: the member's and the admin's own, the Marketing lead's team key result owned by the member. */
const OWN_KEY_RESULT: Record<Principal, string> = {
  anonymous: "Webinar registrations per session",
  viewer: "Employee NPS",
  member: "Webinar registrations per session",
  manager: "Cost per lead",
  admin: "Employee NPS",
};

interface Item {
  id: string;
  title: string;
}

interface Globex {
  organizationId: string;
  name: string;
  admin: { id: string; email: string };
  member: { id: string; email: string };
  /** Has an account in Globex only; users.create in the otherOrg scope adds them to Northwind. */
  joiner: { id: string; email: string };
  teamId: string;
  cycleId: string;
  /** A cycle in planning, for cycles.open. */
  planningCycleId: string;
  objectiveId: string;
  keyResultId: string;
  checkInId: string;
}

interface Fixtures {
  demoOrgId: string;
  userId: Record<keyof typeof DEMO | "tom" | "jordan", string>;
  teamId: Record<TeamName, string>;
  openCycleId: string;
  closedCycleId: string;
  objectiveId: Record<Principal, string> & { otherTeam: string; private: string };
  keyResultId: Record<Principal, string> & { otherTeam: string; private: string };
  /** Key results of the closed cycle, for grading: each principal's own, Sales', Ravi's private one. */
  closedKeyResultId: Record<Principal, string> & { otherTeam: string; private: string };
  privateObjective: Item;
  draftObjective: Item;
  globex: Globex;
  /** Strings that must never appear in an answer given in Northwind. */
  leaks: {
    /** Globex's ids, names, emails and log rows. */
    otherOrg: string[];
    /** Ravi's private objective and its key result: only its owner, Engineering's lead and admins see them. */
    private: string[];
    /** Engineering's draft and its key result: only Engineering and admins see them. */
    draft: string[];
  };
}

let handle: DatabaseHandle;
let db: Database;
let f: Fixtures;
/** Each principal's current password: account.changePassword cells replace it in turn. */
const passwords = new Map<Principal, string>();

async function createGlobex(): Promise<{ globex: Globex; leaks: string[] }> {
  const org = await createOrganization(db, { name: "Globex Matrix Corporation" });
  const admin = await createMember(db, org.id, "admin", { name: "Gina Globex", email: "gina@globex.test" });
  const member = await createMember(db, org.id, "member", { name: "Gus Globex", email: "gus@globex.test" });
  const joiner = await createMember(db, org.id, "member", { name: "Jo Joiner", email: "jo@globex.test" });
  const team = await createTeam(db, org.id, { name: "Globex Skunkworks", leads: [admin.id], members: [member.id] });
  const cycle = await createCycle(db, org.id, { name: "Globex FY Q4" });
  const objective = await createObjective(
    db,
    { organizationId: org.id, cycleId: cycle.id, ownerId: admin.id },
    { title: "Globex secret plan", teamId: team.id },
  );
  const keyResult = await createKeyResult(
    db,
    { organizationId: org.id, objectiveId: objective.id, ownerId: member.id },
    { title: "Globex secret key result" },
  );
  const privateObjective = await createObjective(
    db,
    { organizationId: org.id, cycleId: cycle.id, ownerId: member.id },
    { title: "Globex private ambition", teamId: team.id, visibility: "private" },
  );
  const planning = await createCycle(db, org.id, {
    name: "Globex FY Q1",
    status: "planning",
    startsOn: "2031-01-01",
    endsOn: "2031-03-31",
  });

  // Globex works through the API too, so its activity log and check-ins are not empty.
  const gina = await callerFor(db, admin.email);
  const subTeam = await gina.teams.create({ name: "Globex Labs", parentId: team.id });
  const gus = await callerFor(db, member.email);
  const { checkIn } = await gus.checkIns.create({
    keyResultId: keyResult.id,
    value: 42,
    confidence: 7,
    comment: "Globex-only comment",
    idempotencyKey: randomUUID(),
  });
  // An entity type only Globex's log has: audit.entityTypes must not offer it in Northwind.
  await db.insert(activityLog).values({
    organizationId: org.id,
    actorId: admin.id,
    entityType: "globex_only_entity",
    entityId: org.id,
    action: "globex.secret",
  });
  const activity = await db
    .select({ id: activityLog.id })
    .from(activityLog)
    .where(eq(activityLog.organizationId, org.id));

  const leaks = [
    org.id,
    org.name,
    org.slug,
    admin.id,
    admin.email,
    admin.name,
    member.id,
    member.email,
    member.name,
    team.id,
    team.name,
    subTeam.id,
    subTeam.name,
    cycle.id,
    cycle.name,
    planning.id,
    planning.name,
    objective.id,
    objective.title,
    keyResult.id,
    keyResult.title,
    privateObjective.id,
    privateObjective.title,
    checkIn.id,
    "Globex-only comment",
    "globex_only_entity",
    ...activity.map((a) => a.id),
  ];
  return {
    globex: {
      organizationId: org.id,
      name: org.name,
      admin: { id: admin.id, email: admin.email },
      member: { id: member.id, email: member.email },
      joiner: { id: joiner.id, email: joiner.email },
      teamId: team.id,
      cycleId: cycle.id,
      planningCycleId: planning.id,
      objectiveId: objective.id,
      keyResultId: keyResult.id,
      checkInId: checkIn.id,
    },
    leaks,
  };
}

/**
 * A closed-cycle objective with one key result, for grading: `owner` owns both,
 * in `teamId`; private when asked.
 */
async function closedKeyResult(
  demoOrgId: string,
  closedCycleId: string,
  owner: string,
  teamId: string,
  options: { level?: "company" | "team" | "personal"; visibility?: "private" } = {},
) {
  const objective = await createObjective(
    db,
    { organizationId: demoOrgId, cycleId: closedCycleId, ownerId: owner },
    { teamId, status: "closed", level: options.level ?? "personal", visibility: options.visibility ?? "public" },
  );
  const kr = await createKeyResult(db, { organizationId: demoOrgId, objectiveId: objective.id, ownerId: owner });
  return kr.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const demoOrgId = await seedDemoOrganization(db);

  const emails = { ...DEMO, tom: "tom.becker@example.com", jordan: "jordan.blake@example.com" };
  const userId = Object.fromEntries(
    await Promise.all(Object.entries(emails).map(async ([key, email]) => [key, await userIdOf(db, email)] as const)),
  ) as Fixtures["userId"];
  const teamNames: TeamName[] = ["Executive", "Marketing", "Sales", "Engineering"];
  const teamId = Object.fromEntries(
    await Promise.all(teamNames.map(async (name) => [name, (await teamByName(db, demoOrgId, name)).id] as const)),
  ) as Record<TeamName, string>;
  const krId = async (title: string) => (await keyResultByTitle(db, demoOrgId, title)).keyResult.id;
  const objectiveId = async (title: string) => (await objectiveByTitle(db, demoOrgId, title)).id;

  const privateObjective = await objectiveByTitle(db, demoOrgId, PRIVATE_OBJECTIVE);
  const privateKr = await keyResultByTitle(db, demoOrgId, "Mentoring sessions held");
  const draft = await objectiveByTitle(db, demoOrgId, ENGINEERING_DRAFT);
  if (draft.status !== "draft") throw new Error(`"${ENGINEERING_DRAFT}" is no longer a draft`);
  const draftKr = await keyResultByTitle(db, demoOrgId, "Engineering hires signed");
  const openCycle = await cycleByStatus(db, demoOrgId, "open");
  const closedCycle = await cycleByStatus(db, demoOrgId, "closed");

  const closed = (principal: Principal) =>
    closedKeyResult(
      demoOrgId,
      closedCycle.id,
      userId[PRINCIPAL[principal].standIn],
      teamId[PRINCIPAL[principal].team],
      {
        level: principal === "admin" ? "company" : principal === "manager" ? "team" : "personal",
      },
    );

  const { globex, leaks } = await createGlobex();
  f = {
    demoOrgId,
    userId,
    teamId,
    openCycleId: openCycle.id,
    closedCycleId: closedCycle.id,
    objectiveId: {
      anonymous: await objectiveId(OWN_OBJECTIVE.anonymous),
      viewer: await objectiveId(OWN_OBJECTIVE.viewer),
      member: await objectiveId(OWN_OBJECTIVE.member),
      manager: await objectiveId(OWN_OBJECTIVE.manager),
      admin: await objectiveId(OWN_OBJECTIVE.admin),
      otherTeam: await objectiveId(OTHER_TEAM_OBJECTIVE),
      private: privateObjective.id,
    },
    keyResultId: {
      anonymous: await krId(OWN_KEY_RESULT.anonymous),
      viewer: await krId(OWN_KEY_RESULT.viewer),
      member: await krId(OWN_KEY_RESULT.member),
      manager: await krId(OWN_KEY_RESULT.manager),
      admin: await krId(OWN_KEY_RESULT.admin),
      otherTeam: await krId("Win rate"),
      private: privateKr.keyResult.id,
    },
    closedKeyResultId: {
      anonymous: await closed("anonymous"),
      viewer: await closed("viewer"),
      member: await closed("member"),
      manager: await closed("manager"),
      admin: await closed("admin"),
      otherTeam: await closedKeyResult(demoOrgId, closedCycle.id, userId.jordan, teamId.Sales, { level: "team" }),
      private: await closedKeyResult(demoOrgId, closedCycle.id, userId.ravi, teamId.Engineering, {
        visibility: "private",
      }),
    },
    privateObjective: { id: privateObjective.id, title: privateObjective.title },
    draftObjective: { id: draft.id, title: draft.title },
    globex,
    leaks: {
      otherOrg: leaks,
      private: [privateObjective.id, privateObjective.title, privateKr.keyResult.id, privateKr.keyResult.title],
      draft: [draft.id, draft.title, draftKr.keyResult.id, draftKr.keyResult.title],
    },
  };
  for (const principal of PRINCIPALS) passwords.set(principal, DEMO_PASSWORD);
});

afterAll(async () => {
  await handle?.close();
});

// ---------------------------------------------------------------------------
// Scenarios: a valid input per cell, and what an allowed answer must hold

interface Cell {
  principal: Principal;
  scope: Scope;
}

interface Scenario<P extends ProcedurePath> {
  /**
   * A valid input, so that a refusal is about who asks and what about, never
   * about what they sent. May first create a fresh target, so that a mutation
   * never changes what another cell relies on.
   */
  input?: (cell: Cell) => InputOf<P> | Promise<InputOf<P>>;
  /** What an allowed answer must hold, beyond leaking nothing. */
  verify?: (result: OutputOf<P>, cell: Cell, input: InputOf<P>) => void | Promise<void>;
}

const ownUserId = (p: Principal) => f.userId[PRINCIPAL[p].standIn];

/** The team a team procedure is about in each scope. */
function teamFor({ principal, scope }: Cell): string {
  switch (scope) {
    case "own":
      return f.teamId[PRINCIPAL[principal].team];
    case "otherTeam":
      return f.teamId.Sales;
    case "otherOrg":
      return f.globex.teamId;
    case "private":
      return f.teamId.Engineering;
  }
}

async function teamVersion(teamId: string): Promise<{ version: number; name: string }> {
  const [row] = await db.select({ version: teams.version, name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!row) throw new Error(`no team ${teamId}`);
  return row;
}

/** A fresh Northwind member in Sales: a target people procedures may change without disturbing other cells. */
async function freshSalesPerson(options: { deactivated?: boolean } = {}): Promise<string> {
  const person = await createMember(db, f.demoOrgId, "member");
  await db.insert(teamMembers).values({ organizationId: f.demoOrgId, teamId: f.teamId.Sales, userId: person.id });
  if (options.deactivated) await deactivateMembership(person.id);
  return person.id;
}

/** A fresh Northwind member of Engineering who owns a private objective with a key result. */
async function freshPrivateOwner(options: { deactivated?: boolean } = {}): Promise<string> {
  const person = await createMember(db, f.demoOrgId, "member");
  await db.insert(teamMembers).values({ organizationId: f.demoOrgId, teamId: f.teamId.Engineering, userId: person.id });
  const objective = await createObjective(
    db,
    { organizationId: f.demoOrgId, cycleId: f.openCycleId, ownerId: person.id },
    { teamId: f.teamId.Engineering, visibility: "private", level: "personal" },
  );
  await createKeyResult(db, { organizationId: f.demoOrgId, objectiveId: objective.id, ownerId: person.id });
  if (options.deactivated) await deactivateMembership(person.id);
  return person.id;
}

async function deactivateMembership(userId: string) {
  await db
    .update(memberships)
    .set({ deactivatedAt: new Date() })
    .where(and(eq(memberships.organizationId, f.demoOrgId), eq(memberships.userId, userId)));
}

/** The person a people procedure is about: oneself, a fresh Sales member, Globex's member, a fresh private owner. */
async function personFor({ principal, scope }: Cell, options: { deactivated?: boolean } = {}): Promise<string> {
  switch (scope) {
    case "own":
      return ownUserId(principal);
    case "otherTeam":
      return freshSalesPerson(options);
    case "otherOrg":
      return f.globex.member.id;
    case "private":
      return freshPrivateOwner(options);
  }
}

const TEMPORARY_PASSWORD = /^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/;

async function demoTeamIds(): Promise<string[]> {
  const rows = await db.select({ id: teams.id }).from(teams).where(eq(teams.organizationId, f.demoOrgId));
  return rows.map((r) => r.id);
}

const flattenTitles = (nodes: readonly { title: string; children: readonly unknown[] }[]): string[] =>
  nodes.flatMap((n) => [n.title, ...flattenTitles(n.children as typeof nodes)]);

/** The shared objective (or key result) a cell is about: the principal's own, Sales', Globex's, Ravi's private one. */
function itemFor(cell: Cell, ids: Record<Principal, string> & { otherTeam: string; private: string }, globex: string) {
  switch (cell.scope) {
    case "own":
      return ids[cell.principal];
    case "otherTeam":
      return ids.otherTeam;
    case "otherOrg":
      return globex;
    case "private":
      return ids.private;
  }
}
const objectiveFor = (cell: Cell) => itemFor(cell, f.objectiveId, f.globex.objectiveId);
const keyResultFor = (cell: Cell) => itemFor(cell, f.keyResultId, f.globex.keyResultId);

async function objectiveVersion(id: string) {
  const [row] = await db
    .select({ version: objectives.version, title: objectives.title })
    .from(objectives)
    .where(eq(objectives.id, id));
  if (!row) throw new Error(`no objective ${id}`);
  return row;
}

async function keyResultVersion(id: string) {
  const [row] = await db
    .select({ version: keyResults.version, title: keyResults.title })
    .from(keyResults)
    .where(eq(keyResults.id, id));
  if (!row) throw new Error(`no key result ${id}`);
  return row;
}

/**
 * A fresh objective of the open cycle for a mutation that changes it for good:
 * the principal's own (personal; a Marketing team objective for the manager, a
 * company one for the admin — or of `level` when given), a Sales team objective
 * of its lead, Globex's, or a private one of Ravi's.
 */
async function freshObjective(
  { principal, scope }: Cell,
  options: { status?: "draft" | "active"; level?: "team" } = {},
): Promise<string> {
  const status = options.status ?? "active";
  const scopeOf = (ownerId: string) => ({ organizationId: f.demoOrgId, cycleId: f.openCycleId, ownerId });
  switch (scope) {
    case "own": {
      const level =
        options.level ?? (principal === "admin" ? "company" : principal === "manager" ? "team" : "personal");
      const facts = PRINCIPAL[principal];
      return (
        await createObjective(db, scopeOf(f.userId[facts.standIn]), { level, teamId: f.teamId[facts.team], status })
      ).id;
    }
    case "otherTeam":
      return (await createObjective(db, scopeOf(f.userId.jordan), { level: "team", teamId: f.teamId.Sales, status }))
        .id;
    case "otherOrg":
      return f.globex.objectiveId;
    case "private":
      return (
        await createObjective(db, scopeOf(f.userId.ravi), {
          level: "personal",
          teamId: f.teamId.Engineering,
          visibility: "private",
          status,
        })
      ).id;
  }
}

/** A fresh check-in by the principal on their own key result, by Sales' lead, Globex's, or Ravi's on his private one. */
async function freshCheckIn(cell: Cell): Promise<string> {
  if (cell.scope === "otherOrg") return f.globex.checkInId;
  const authorId =
    cell.scope === "own"
      ? f.userId[PRINCIPAL[cell.principal].standIn]
      : cell.scope === "otherTeam"
        ? f.userId.jordan
        : f.userId.ravi;
  const [row] = await db
    .insert(checkIns)
    .values({
      organizationId: f.demoOrgId,
      keyResultId: keyResultFor(cell),
      authorId,
      value: 7,
      confidence: 5,
      comment: "written for the matrix",
      idempotencyKey: randomUUID(),
    })
    .returning({ id: checkIns.id });
  if (!row) throw new Error("check-in was not created");
  return row.id;
}

/** A fresh cycle far in the future (so the current cycle stays current), for cycles.open, close and carryOver. */
async function freshCycle(status: "planning" | "open") {
  const cycle = await createCycle(db, f.demoOrgId, { status, startsOn: "2032-01-01", endsOn: "2032-03-31" });
  return { cycleId: cycle.id, version: cycle.version };
}

const SCENARIOS: { [P in ProcedurePath]: Scenario<P> } = {
  "me.get": {
    verify: (me, { principal }) => {
      expect(me.organization?.id).toBe(f.demoOrgId);
      expect(me.organization?.role).toBe(PRINCIPAL[principal].role);
      expect(me.organizations.map((o) => o.id)).toEqual([f.demoOrgId]);
    },
  },
  "account.changePassword": {
    input: ({ principal, scope }) => {
      const currentPassword = passwords.get(principal) ?? DEMO_PASSWORD;
      const newPassword = `Matrix ${principal} ${scope} passphrase`;
      return { currentPassword, newPassword, confirmPassword: newPassword };
    },
    verify: (result, { principal }, input) => {
      expect(result).toEqual({ changed: true });
      passwords.set(principal, input.newPassword);
    },
  },
  "demo.accounts": {
    verify: (result) => {
      expect(result.accounts.map((a) => a.email)).toEqual([DEMO.admin, DEMO.manager, DEMO.member, DEMO.viewer]);
    },
  },

  "cycles.list": {
    verify: async (list) => {
      const own = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.organizationId, f.demoOrgId));
      expect(list.map((c) => c.id).sort()).toEqual(own.map((c) => c.id).sort());
    },
  },
  "cycles.current": {
    verify: (current) => {
      expect(current?.id).toBe(f.openCycleId);
    },
  },
  "teams.list": {
    verify: async (list, cell) => {
      const ours = await demoTeamIds();
      for (const team of list) expect(ours).toContain(team.id);
      if (cell.scope !== "otherOrg") expect(list.map((t) => t.id)).toContain(teamFor(cell));
    },
  },
  "people.list": {
    verify: async (people) => {
      const globex = new Set([f.globex.admin.id, f.globex.member.id]);
      for (const person of people) expect(globex.has(person.id)).toBe(false);
      expect(people.length).toBeGreaterThanOrEqual(12);
      expect(people.every((p) => !("email" in p))).toBe(true);
    },
  },
  "organizations.settings": {
    verify: (settings) => {
      expect(settings.id).toBe(f.demoOrgId);
    },
  },

  "objectives.dashboard": {
    input: ({ scope }) => (scope === "otherOrg" ? { cycleId: f.globex.cycleId } : {}),
    verify: (dashboard, { principal, scope }) => {
      if (!dashboard) throw new Error("expected the current cycle's dashboard");
      expect(dashboard.cycle.id).toBe(f.openCycleId);
      const titles = flattenTitles(dashboard.roots);
      if (scope === "own") expect(titles).toContain(OWN_OBJECTIVE[principal]);
      if (scope === "otherTeam") {
        expect(titles).toContain(OTHER_TEAM_OBJECTIVE);
        // Another team's draft: only admins (and that team) see it.
        expect(titles.includes(f.draftObjective.title)).toBe(principal === "admin");
      }
      if (scope === "private") expect(titles.includes(f.privateObjective.title)).toBe(principal === "admin");
    },
  },
  "objectives.mine": {
    verify: (mine, { principal }) => {
      if (!mine) throw new Error("expected the current cycle");
      const me = ownUserId(principal);
      for (const o of mine.objectives) expect(o.owner.id).toBe(me);
      for (const due of mine.dueCheckIns) expect(due.keyResult.owner.id).toBe(me);
    },
  },
  "objectives.teamAttention": {
    verify: (result, { principal }) => {
      if (!result) throw new Error("expected the current cycle");
      const led = principal === "manager" ? [f.teamId.Marketing] : [];
      for (const o of result.objectives) expect(led).toContain(o.team?.id);
      if (principal === "manager") expect(result.objectives.length).toBeGreaterThan(0);
    },
  },

  "checkIns.create": {
    input: ({ principal, scope }) => ({
      keyResultId:
        scope === "own"
          ? f.keyResultId[principal]
          : scope === "otherTeam"
            ? f.keyResultId.otherTeam
            : scope === "otherOrg"
              ? f.globex.keyResultId
              : f.keyResultId.private,
      value: 3,
      confidence: 6,
      comment: "authorization matrix",
      idempotencyKey: randomUUID(),
    }),
    verify: (result, _cell, input) => {
      expect(result.replayed).toBe(false);
      expect(result.checkIn.keyResultId).toBe(input.keyResultId);
    },
  },

  "objectives.list": {
    input: (cell) =>
      cell.scope === "own"
        ? { teamId: f.teamId[PRINCIPAL[cell.principal].team] }
        : cell.scope === "otherTeam"
          ? {}
          : cell.scope === "otherOrg"
            ? { cycleId: f.globex.cycleId }
            : { ownerId: f.userId.ravi },
    verify: (list, { principal, scope }) => {
      if (!list) throw new Error("expected the current cycle");
      const titles = list.objectives.map((o) => o.title);
      if (scope === "own") {
        expect(titles).toContain(OWN_OBJECTIVE[principal]);
        for (const o of list.objectives) expect(o.team?.id).toBe(f.teamId[PRINCIPAL[principal].team]);
      }
      if (scope === "otherTeam") {
        expect(titles).toContain(OTHER_TEAM_OBJECTIVE);
        expect(titles.includes(ENGINEERING_DRAFT)).toBe(principal === "admin");
      }
      if (scope === "private") expect(titles.includes(PRIVATE_OBJECTIVE)).toBe(principal === "admin");
    },
  },
  "objectives.get": {
    input: (cell) => ({ objectiveId: objectiveFor(cell) }),
    // What the page offers must match the policy table.
    verify: (result, { principal, scope }, input) => {
      if (!result) throw new Error("expected the objective");
      expect(result.objective.id).toBe(input.objectiveId);
      expect(result.can.edit).toBe(expectedOutcome("objectives.update", principal, scope) === "allow");
      expect(result.can.comment).toBe(expectedOutcome("comments.create", principal, scope) === "allow");
    },
  },
  "objectives.create": {
    input: ({ principal, scope }) => {
      const base = {
        cycleId: f.openCycleId,
        title: `Matrix objective of the ${principal} (${scope})`,
        keyResults: [{ title: "Matrix key result", type: "increase_to" as const, startValue: 0, targetValue: 10 }],
      };
      switch (scope) {
        case "own":
          return { ...base, level: "personal" as const, teamId: f.teamId[PRINCIPAL[principal].team] };
        case "otherTeam":
          return { ...base, level: "team" as const, teamId: f.teamId.Sales };
        case "otherOrg":
          return { ...base, level: "personal" as const, cycleId: f.globex.cycleId };
        case "private":
          return { ...base, level: "personal" as const, parentId: f.privateObjective.id };
      }
    },
    verify: (created, _cell, input) => {
      expect(created).toMatchObject({ title: input.title, status: "draft", cycleId: input.cycleId });
    },
  },
  "objectives.update": {
    // Saves the title unchanged: allowed calls change nothing but the version.
    input: async (cell) => {
      const objectiveId = objectiveFor(cell);
      const { version, title } = await objectiveVersion(objectiveId);
      return { objectiveId, version, title };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toMatchObject({ id: input.objectiveId, title: input.title, version: input.version + 1 });
    },
  },
  "objectives.archive": {
    input: async (cell) => {
      const objectiveId = await freshObjective(cell);
      return { objectiveId, version: (await objectiveVersion(objectiveId)).version };
    },
    verify: (archived) => {
      expect(archived.status).toBe("archived");
    },
  },
  "objectives.publish": {
    input: async (cell) => {
      const objectiveId = await freshObjective(cell, { status: "draft", level: "team" });
      return { objectiveId, version: (await objectiveVersion(objectiveId)).version };
    },
    verify: (published) => {
      expect(published.status).toBe("active");
    },
  },
  "keyResults.create": {
    input: (cell) => ({
      objectiveId: objectiveFor(cell),
      title: `Matrix key result of the ${cell.principal} (${cell.scope})`,
      type: "increase_to",
      startValue: 0,
      targetValue: 10,
    }),
    verify: (created, _cell, input) => {
      expect(created).toMatchObject({ objectiveId: input.objectiveId, title: input.title });
    },
  },
  "keyResults.update": {
    input: async (cell) => {
      const keyResultId = keyResultFor(cell);
      const { version, title } = await keyResultVersion(keyResultId);
      return { keyResultId, version, title };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toMatchObject({ id: input.keyResultId, version: input.version + 1 });
    },
  },
  "keyResults.archive": {
    input: async (cell) => {
      if (cell.scope === "otherOrg") {
        return { keyResultId: f.globex.keyResultId, version: (await keyResultVersion(f.globex.keyResultId)).version };
      }
      const owner = cell.scope === "own" ? f.userId[PRINCIPAL[cell.principal].standIn] : f.userId.ravi;
      const kr = await createKeyResult(db, {
        organizationId: f.demoOrgId,
        objectiveId: objectiveFor(cell),
        ownerId: owner,
      });
      return { keyResultId: kr.id, version: kr.version };
    },
    verify: (result) => {
      expect(result).toEqual({ archived: true });
    },
  },
  "keyResults.grade": {
    input: (cell) => ({
      keyResultId: itemFor(cell, f.closedKeyResultId, f.globex.keyResultId),
      grade: 0.7,
      reason: "Graded by the authorization matrix",
    }),
    verify: (result) => {
      expect(result).toEqual({ gradeOverride: 0.7, gradeReason: "Graded by the authorization matrix" });
    },
  },
  "comments.create": {
    input: (cell) =>
      cell.scope === "private"
        ? { keyResultId: f.keyResultId.private, body: "A comment from the matrix" }
        : { objectiveId: objectiveFor(cell), body: "A comment from the matrix" },
    verify: (created) => {
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    },
  },
  "checkIns.update": {
    input: async (cell) => ({ checkInId: await freshCheckIn(cell), value: 8, confidence: 6, comment: "corrected" }),
    verify: (result, _cell, input) => {
      expect(result).toEqual({ id: input.checkInId });
    },
  },
  "checkIns.delete": {
    input: async (cell) => ({ checkInId: await freshCheckIn(cell) }),
    verify: (result) => {
      expect(result).toEqual({ deleted: true });
    },
  },
  "cycles.create": {
    input: ({ principal, scope }) => ({
      name: `Matrix ${principal} ${scope}`,
      startsOn: "2033-01-01",
      endsOn: "2033-03-31",
    }),
    verify: (created, _cell, input) => {
      expect(created).toMatchObject({ name: input.name, version: 1 });
    },
  },
  "cycles.open": {
    input: async ({ scope }) =>
      scope === "otherOrg" ? { cycleId: f.globex.planningCycleId, version: 1 } : freshCycle("planning"),
    verify: (result) => {
      expect(result).toEqual({ status: "open" });
    },
  },
  "cycles.close": {
    input: async ({ scope }) => (scope === "otherOrg" ? { cycleId: f.globex.cycleId, version: 1 } : freshCycle("open")),
    verify: (result) => {
      expect(result).toEqual({ status: "closed", objectivesClosed: 0 });
    },
  },
  "cycles.carryOver": {
    input: async (cell) => ({
      objectiveId: objectiveFor(cell),
      targetCycleId: (await freshCycle("planning")).cycleId,
      keyResultIds: [],
    }),
    verify: (result) => {
      expect(result.objectiveId).toMatch(/^[0-9a-f-]{36}$/);
    },
  },

  "users.list": {
    verify: (people) => {
      expect(people.map((p) => p.email)).toContain(DEMO.admin);
    },
  },
  "users.create": {
    input: ({ principal, scope }) =>
      scope === "otherOrg"
        ? { email: f.globex.joiner.email, name: "Jo Joiner", role: "member" }
        : { email: `matrix-${principal}-${scope}-${randomUUID()}@northwind.test`, name: "New Person", role: "member" },
    verify: (result, { scope }) => {
      if (scope === "otherOrg") expect(result).toEqual({ userId: f.globex.joiner.id, temporaryPassword: null });
      else expect(result.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    },
  },
  "users.changeRole": {
    input: async (cell) =>
      cell.scope === "own"
        ? { userId: ownUserId(cell.principal), role: PRINCIPAL[cell.principal].role }
        : { userId: await personFor(cell), role: "viewer" },
    verify: (result, _cell, input) => {
      expect(result.role).toBe(input.role);
    },
  },
  "users.deactivate": {
    input: async (cell) => ({ userId: await personFor(cell) }),
    verify: (result) => {
      expect(result).toEqual({ active: false });
    },
  },
  "users.reactivate": {
    input: async (cell) => ({ userId: await personFor(cell, { deactivated: true }) }),
    verify: (result) => {
      expect(result).toEqual({ active: true });
    },
  },
  "users.resetPassword": {
    input: async (cell) => ({ userId: await personFor(cell) }),
    verify: (result) => {
      expect(result.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    },
  },

  "teams.create": {
    input: (cell) => ({ name: `Matrix ${cell.principal} ${cell.scope}`, parentId: teamFor(cell) }),
    verify: (team, _cell, input) => {
      expect(team.parentId).toBe(input.parentId);
    },
  },
  "teams.update": {
    // Renames a team to its own name: allowed calls change nothing but the version.
    input: async (cell) => {
      const teamId = teamFor(cell);
      const { version, name } = await teamVersion(teamId);
      return { teamId, version, name };
    },
    verify: (team, _cell, input) => {
      expect(team).toMatchObject({ id: input.teamId, name: input.name, version: input.version + 1 });
    },
  },
  "teams.archive": {
    // A fresh team per cell: the principal's own, one in Sales, Globex's, one holding a private objective.
    input: async ({ principal, scope }) => {
      let teamId: string;
      if (scope === "otherOrg") teamId = f.globex.teamId;
      else if (scope === "own") {
        const team = await createTeam(db, f.demoOrgId, {
          parentId: f.teamId[PRINCIPAL[principal].team],
          members: [ownUserId(principal)],
        });
        teamId = team.id;
      } else if (scope === "otherTeam") {
        const team = await createTeam(db, f.demoOrgId, { parentId: f.teamId.Sales, members: [f.userId.tom] });
        teamId = team.id;
      } else {
        const team = await createTeam(db, f.demoOrgId, { parentId: f.teamId.Engineering, members: [f.userId.ravi] });
        await createObjective(
          db,
          { organizationId: f.demoOrgId, cycleId: f.openCycleId, ownerId: f.userId.ravi },
          { teamId: team.id, visibility: "private" },
        );
        teamId = team.id;
      }
      return { teamId, version: (await teamVersion(teamId)).version };
    },
    verify: (result) => {
      expect(result).toEqual({ archived: true });
    },
  },
  "teams.setMember": {
    // Sets a person to the team role they already have.
    input: (cell) => {
      const teamId = teamFor(cell);
      switch (cell.scope) {
        case "own":
          return { teamId, userId: ownUserId(cell.principal), role: PRINCIPAL[cell.principal].teamRole };
        case "otherTeam":
          return { teamId, userId: f.userId.tom, role: "member" };
        case "otherOrg":
          return { teamId, userId: f.globex.member.id, role: "member" };
        case "private":
          return { teamId, userId: f.userId.ravi, role: "member" };
      }
    },
    verify: (result, _cell, input) => {
      expect(result.role).toBe(input.role);
    },
  },

  "organizations.updateSettings": {
    // Saves the current settings unchanged, naming the current version.
    input: async () => {
      const [org] = await db
        .select({
          version: organizations.version,
          name: organizations.name,
          fiscalYearStartMonth: organizations.fiscalYearStartMonth,
          defaultCycleMonths: organizations.defaultCycleMonths,
        })
        .from(organizations)
        .where(eq(organizations.id, f.demoOrgId));
      if (!org) throw new Error("no demo organization");
      return org;
    },
    verify: (settings, _cell, input) => {
      expect(settings).toMatchObject({ id: f.demoOrgId, name: input.name, version: input.version + 1 });
    },
  },
  "organizations.overview": {
    verify: (overview) => {
      expect(overview.counts.people).toBeGreaterThanOrEqual(12);
      expect(overview.setupTasks.length).toBeGreaterThan(0);
    },
  },
  "audit.list": {
    // own: the admin's own actions; otherTeam: team changes; otherOrg: Globex's admin as the actor; private: key results.
    input: ({ principal, scope }) =>
      scope === "own"
        ? { actorId: ownUserId(principal) }
        : scope === "otherTeam"
          ? { entityType: "team" }
          : scope === "otherOrg"
            ? { actorId: f.globex.admin.id }
            : { entityType: "key_result" },
    verify: (page, { scope }, input) => {
      if (scope === "otherOrg") expect(page.entries).toEqual([]);
      for (const entry of page.entries) {
        if (input?.actorId) expect(entry.actorId).toBe(input.actorId);
        if (input?.entityType) expect(entry.entityType).toBe(input.entityType);
      }
    },
  },
  "audit.entityTypes": {
    verify: (types) => {
      expect(types).toContain("organization");
    },
  },
};

// ---------------------------------------------------------------------------
// The run

const routerPaths = Object.keys(appRouter._def.procedures).sort() as ProcedurePath[];
const tablePaths = Object.keys(EXPECTED).sort();
const scenarioPaths = Object.keys(SCENARIOS).sort();
const CELLS = routerPaths.length * PRINCIPALS.length * SCOPES.length;

/** A caller per cell, resolved from a fresh session the way the app does per request. */
async function callerForCell({ principal, scope }: Cell): Promise<Caller> {
  const requestedOrganizationId = scope === "otherOrg" ? f.globex.organizationId : null;
  const email = PRINCIPAL[principal].email;
  if (!email) return createCaller(createContext({ db, user: null, requestedOrganizationId }));
  return callerFor(db, email, requestedOrganizationId);
}

/** Calls `path` ("checkIns.create") through the caller proxy, exactly as `caller.checkIns.create(input)`. */
function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** The forbidden strings found in an answer. */
function leaksIn(result: unknown, principal: Principal): string[] {
  const text = JSON.stringify(result) ?? "";
  const forbidden = [...f.leaks.otherOrg, ...(principal === "admin" ? [] : [...f.leaks.private, ...f.leaks.draft])];
  return forbidden.filter((s) => text.includes(s));
}

describe("authorization matrix: the principals themselves", () => {
  it("are who the table assumes: demo roles and teams as listed", async () => {
    for (const principal of PRINCIPALS) {
      const { email, role, team, teamRole } = PRINCIPAL[principal];
      if (!email) continue;
      const userId = await userIdOf(db, email);
      const [membership] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.organizationId, f.demoOrgId), eq(memberships.userId, userId)));
      expect(membership?.role).toBe(role);
      const [teamRow] = await db
        .select({ role: teamMembers.role })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, f.teamId[team]), eq(teamMembers.userId, userId)));
      expect(teamRow?.role).toBe(teamRole);
    }
    // The admin is the organization's only admin, so "own" refusals of deactivate/reset are about oneself.
    const admins = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.organizationId, f.demoOrgId), eq(memberships.role, "admin")));
    expect(admins[0]?.n).toBe(1);
  });

  it("none of them belongs to Globex, so nothing of Globex is theirs to see", async () => {
    const globexMembers = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organizationId, f.globex.organizationId));
    for (const principal of PRINCIPALS) {
      expect(globexMembers.map((m) => m.userId)).not.toContain(ownUserId(principal));
    }
  });
});

describe("authorization matrix", () => {
  it("has a decision and a scenario for every procedure of the router, and none for procedures that no longer exist", () => {
    for (const paths of [tablePaths, scenarioPaths]) {
      expect(
        routerPaths.filter((p) => !paths.includes(p)),
        "procedures without a decision",
      ).toEqual([]);
      expect(
        paths.filter((p) => !(routerPaths as string[]).includes(p)),
        "rows for unknown procedures",
      ).toEqual([]);
    }
  });

  it(`covers ${routerPaths.length} procedures × ${PRINCIPALS.length} principals × ${SCOPES.length} scopes = ${CELLS} cells`, () => {
    let cells = 0;
    for (const path of routerPaths) {
      for (const principal of PRINCIPALS) {
        for (const scope of SCOPES) {
          expect(expectedOutcome(path, principal, scope)).toMatch(/^(allow|[A-Z_]+)$/);
          cells++;
        }
      }
    }
    expect(cells).toBe(CELLS);
    expect(Object.keys(EXPECTED)).toHaveLength(routerPaths.length);
  });

  describe.each(routerPaths)("%s", (path) => {
    for (const principal of PRINCIPALS) {
      for (const scope of SCOPES) {
        const expected = EXPECTED[path] ? expectedOutcome(path, principal, scope) : undefined;
        it(`${principal} · ${scope} → ${expected ?? "(no decision)"}`, async () => {
          if (!expected) throw new Error(`No authorization decision for procedure "${path}": add a row to EXPECTED.`);
          const scenario = SCENARIOS[path] as Scenario<ProcedurePath> | undefined;
          if (!scenario) throw new Error(`No scenario for procedure "${path}": add one to SCENARIOS.`);
          const cell = { principal, scope };
          const input = await scenario.input?.(cell);
          const caller = await callerForCell(cell);
          const globexBefore = scope === "otherOrg" ? await organizationFingerprint(db, f.globex.organizationId) : null;
          const writesBefore = expected === "allow" ? null : await writeFingerprint(db);

          let result: unknown;
          const outcome = await outcomeOf(async () => {
            result = await callPath(caller, path, input);
          });
          expect(outcome).toBe(expected);

          if (outcome === "allow") {
            expect(leaksIn(result, principal), "leaked into the answer").toEqual([]);
            await scenario.verify?.(result as never, cell, input as never);
          } else {
            expect(await writeFingerprint(db), "a refused call wrote something").toEqual(writesBefore);
          }
          if (globexBefore) {
            expect(
              await organizationFingerprint(db, f.globex.organizationId),
              "changed the other organization",
            ).toEqual(globexBefore);
          }
        });
      }
    }
  });
});
