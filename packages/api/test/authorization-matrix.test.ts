import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  activityLog,
  and,
  apiTokens,
  asc,
  campaigns,
  checkIns,
  correctiveActions,
  count,
  cycles,
  type Database,
  type DatabaseHandle,
  eq,
  experimentMetrics,
  experiments,
  experimentVariants,
  inArray,
  invitations,
  isNull,
  keyResults,
  kpiActuals,
  kpiBenchmarks,
  kpis,
  kpiTargets,
  memberships,
  notifications,
  objectives,
  organizations,
  perspectives,
  reviews,
  sql,
  strategicObjectives,
  strategyLinks,
  teamMembers,
  teams,
  userSessions,
  users,
  webhookDeliveries,
  webhookEndpoints,
} from "@meridian/db";
import { DEMO_PASSWORD } from "@meridian/db/seed";
import { createTestDatabase } from "@meridian/db/testing";
import {
  quarterContaining,
  type ReviewSnapshot,
  type ReviewSubjectType,
  type Role,
  reviewRows,
} from "@meridian/domain";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateApiToken } from "../src/modules/integrations/api-token";
import { nextCheckInSeq } from "../src/modules/okr/check-in-rows";
import { generateWebhookSecret } from "../src/modules/webhooks/webhooks.commands";
import { type AppRouter, appRouter, createCaller } from "../src/root";
import { createContext } from "../src/trpc";
import {
  type Caller,
  callerFor,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  createUser,
  cycleByStatus,
  DEMO,
  keyResultByTitle,
  type Outcome,
  objectiveByTitle,
  openDashboard,
  openSessionFor,
  outcomeOf,
  seedDemoOrganization,
  sessionCallerFor,
  teamByName,
  userIdOf,
} from "./support";
import { organizationFingerprint, writeFingerprint } from "./support/fingerprint";

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
 * Scorecard, KPI, API-token and review procedures give the scopes their own
 * meaning, spelled out in the comment above KPI_MANAGE (just before EXPECTED).
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
/** Reading something every member may see, whatever its state: only another organization's does not exist. */
const READ_ANY = scoped("allow", "allow", "NOT_FOUND", "allow");
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

/**
 * Scorecard, KPIs, API tokens and reviews use the same four scopes:
 *
 * - own:       what the principal owns — a KPI, a strategic objective, a corrective action, an
 *              API token they created (each principal owns one, the viewer too); for perspectives,
 *              an empty band the matrix made; for reviews, last quarter's organization review
 *              (reading) or this quarter's open review of their own team (writing);
 * - otherTeam: the same owned by someone else in Northwind (Jordan, Sales' lead); a demo
 *              perspective that holds strategic objectives; Sales' reviews;
 * - otherOrg:  Globex's (its perspective, strategic objective, link, KPI, benchmark, token,
 *              review, corrective action) — a read or write of it is NOT_FOUND;
 * - private:   what is closed to some or all principals:
 *              · reviews, reading: this quarter's organization review, still open — viewers may
 *                not see it (NOT_FOUND); writing: last quarter's, finalized and frozen
 *                (PRECONDITION_FAILED); opening: a cycle and scope already reviewed (CONFLICT);
 *              · KPIs: the principal's own archived KPI — readable, but read-only for everyone,
 *                its owner included (kpis.create: a ratio built on it);
 *              · strategy: the strategic objective Ravi's private OKR objective aligns to (and its
 *                band) — changed like any other, but no answer may name the private objective;
 *              · corrective actions: one the principal owns, agreed in the finalized review — the
 *                review keeps a frozen copy, the action itself still moves on;
 *              · API tokens: a token already revoked (revoking again changes nothing).
 */
/** Writing KPIs, their targets and benchmarks: admins any live KPI, managers the live KPIs they own. */
const KPI_MANAGE = {
  anonymous: "UNAUTHORIZED",
  viewer: "FORBIDDEN",
  member: "FORBIDDEN",
  manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "PRECONDITION_FAILED"),
  admin: scoped("allow", "allow", "NOT_FOUND", "PRECONDITION_FAILED"),
} as const satisfies Record<Principal, Decision>;
/** Reading reviews: everyone, but viewers only finalized ones. */
const REVIEW_READ = {
  anonymous: "UNAUTHORIZED",
  viewer: READ_ITEM,
  member: READ_ANY,
  manager: READ_ANY,
  admin: READ_ANY,
} as const satisfies Record<Principal, Decision>;
/** Running reviews: managers and admins, any team's open review; a finalized one is frozen. */
const REVIEW_WRITE = {
  anonymous: "UNAUTHORIZED",
  viewer: "FORBIDDEN",
  member: "FORBIDDEN",
  manager: scoped("allow", "allow", "NOT_FOUND", "PRECONDITION_FAILED"),
  admin: scoped("allow", "allow", "NOT_FOUND", "PRECONDITION_FAILED"),
} as const satisfies Record<Principal, Decision>;

/**
 * A/B experiments use the four scopes so: own — an experiment of the principal's team; otherTeam — one of
 * Sales; otherOrg — Globex's; private — a concluded experiment of the principal's team, frozen for every writer.
 * Admins and managers manage any team's experiment, members only their teams'.
 */
const EXPERIMENT_WRITE = {
  anonymous: "UNAUTHORIZED",
  viewer: "FORBIDDEN",
  member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "PRECONDITION_FAILED"),
  manager: scoped("allow", "allow", "NOT_FOUND", "PRECONDITION_FAILED"),
  admin: scoped("allow", "allow", "NOT_FOUND", "PRECONDITION_FAILED"),
} as const satisfies Record<Principal, Decision>;

/** Answering an invitation: only one's own; anyone else's (of Northwind, of Globex) does not exist. */
const OWN_INVITATION = {
  anonymous: "UNAUTHORIZED",
  viewer: scoped("allow", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  member: scoped("allow", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  manager: scoped("allow", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  admin: scoped("allow", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
} as const satisfies Record<Principal, Decision>;

/** Signing out a session: only one's own live one; anyone else's is not found. */
const OWN_SESSION = OWN_INVITATION;

/**
 * Campaigns: own is a campaign of the principal's team, otherTeam one of Sales, otherOrg Globex's, private
 * one of no team. Admins and managers manage every campaign; members those of their teams; viewers read.
 */
const CAMPAIGN_WRITE = {
  anonymous: "UNAUTHORIZED",
  viewer: "FORBIDDEN",
  member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "FORBIDDEN"),
  manager: scoped("allow", "allow", "NOT_FOUND", "allow"),
  admin: scoped("allow", "allow", "NOT_FOUND", "allow"),
} as const satisfies Record<Principal, Decision>;

/** THE POLICY: procedure × principal (× scope) → "allow" or the TRPCError code. */
const EXPECTED: Record<ProcedurePath, Record<Principal, Decision>> = {
  // Reachable with a temporary password too; needs no organization.
  "me.get": SIGNED_IN,
  "account.changePassword": SIGNED_IN,
  // Everyone has a profile and sessions of their own, in any role.
  "account.profile": SIGNED_IN,
  "account.updateProfile": SIGNED_IN,
  "account.sessions": SIGNED_IN,
  "account.signOutEverywhere": SIGNED_IN,
  // One's own session (own); a colleague's (otherTeam), a Globex person's (otherOrg), or one's own already
  // signed out (private): not found alike.
  "account.signOutSession": OWN_SESSION,
  // One's own invitations (own: the principal's; any other scope: someone else's, which does not exist for them).
  "invitations.list": SIGNED_IN,
  "invitations.accept": OWN_INVITATION,
  "invitations.decline": OWN_INVITATION,
  // Public on purpose: the login page lists the demo sign-ins.
  "demo.accounts": { anonymous: "allow", viewer: "allow", member: "allow", manager: "allow", admin: "allow" },

  "cycles.list": SIGNED_IN,
  "cycles.current": SIGNED_IN,
  "teams.list": SIGNED_IN,
  "teams.search": SIGNED_IN,
  // Any team of one's organization, whoever is on it; another organization's does not exist.
  "teams.members": {
    anonymous: "UNAUTHORIZED",
    viewer: READ_ANY,
    member: READ_ANY,
    manager: READ_ANY,
    admin: READ_ANY,
  },
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
  "objectives.branch": {
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
  // The weekly check-in queue: one's own due items; a viewer owes no check-in and is refused, as for create.
  "checkIns.weekly": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: "allow",
    manager: "allow",
    admin: "allow",
  },
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

  // The strategy: everyone reads it, admins shape it.
  "perspectives.list": SIGNED_IN,
  "perspectives.create": adminOnly("allow"),
  // Northwind has its perspectives already: allowed calls add nothing.
  "perspectives.addDefaults": adminOnly("allow"),
  "perspectives.update": adminOnly(ITEM_MANAGEMENT),
  // otherOrg: Globex's bands are not this organization's order to set.
  "perspectives.reorder": adminOnly(scoped("allow", "allow", "BAD_REQUEST", "allow")),
  // A band still holding strategic objectives is never emptied silently.
  "perspectives.remove": adminOnly(scoped("allow", "PRECONDITION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED")),
  "strategy.map": SIGNED_IN,
  "strategy.createObjective": adminOnly(ITEM_MANAGEMENT),
  "strategy.updateObjective": adminOnly(ITEM_MANAGEMENT),
  "strategy.removeObjective": adminOnly(ITEM_MANAGEMENT),
  "strategy.link": adminOnly(ITEM_MANAGEMENT),
  "strategy.unlink": adminOnly(ITEM_MANAGEMENT),
  "scorecard.tree": SIGNED_IN,
  "scorecard.kpis": SIGNED_IN,
  "scorecard.heatMap": SIGNED_IN,

  // KPIs: everyone reads them (an archived one too); managers change only their own.
  "kpis.list": SIGNED_IN,
  "kpis.get": { anonymous: "UNAUTHORIZED", viewer: READ_ANY, member: READ_ANY, manager: READ_ANY, admin: READ_ANY },
  // otherTeam: a KPI owned by Jordan — only admins hand a KPI to someone else; otherOrg: linked to
  // Globex's strategic objective; private: a ratio with the principal's archived KPI as an input.
  "kpis.create": {
    ...KPI_MANAGE,
    manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"),
    admin: scoped("allow", "allow", "NOT_FOUND", "BAD_REQUEST"),
  },
  "kpis.update": KPI_MANAGE,
  "kpis.archive": KPI_MANAGE,
  "kpis.setTarget": KPI_MANAGE,
  "kpis.removeTarget": KPI_MANAGE,
  "benchmarks.upsert": KPI_MANAGE,
  "benchmarks.remove": KPI_MANAGE,
  // Actuals: admins any KPI, managers and members the KPIs they own; an archived KPI takes none (400).
  "kpiActuals.save": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"),
    manager: scoped("allow", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"),
    admin: scoped("allow", "allow", "NOT_FOUND", "BAD_REQUEST"),
  },
  // The preview answers every writer, with a row error for each row they may not import.
  "kpiActuals.previewImport": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: "allow",
    manager: "allow",
    admin: "allow",
  },
  // One row they may not import refuses the whole file.
  "kpiActuals.import": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"),
    manager: scoped("allow", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"),
    admin: scoped("allow", "allow", "BAD_REQUEST", "BAD_REQUEST"),
  },

  "apiTokens.list": adminOnly("allow"),
  "apiTokens.create": adminOnly("allow"),
  "apiTokens.revoke": adminOnly(ITEM_MANAGEMENT),

  // Webhooks are the admins': own, otherTeam and private are Northwind endpoints (they have no team), otherOrg Globex's.
  "webhooks.list": adminOnly("allow"),
  "webhooks.get": adminOnly(ITEM_MANAGEMENT),
  "webhooks.create": adminOnly("allow"),
  "webhooks.update": adminOnly(ITEM_MANAGEMENT),
  "webhooks.remove": adminOnly(ITEM_MANAGEMENT),
  "webhooks.rotateSecret": adminOnly(ITEM_MANAGEMENT),
  "webhooks.deliveries": adminOnly(ITEM_MANAGEMENT),
  "webhooks.delivery": adminOnly(ITEM_MANAGEMENT),
  "webhooks.resend": adminOnly(ITEM_MANAGEMENT),
  "webhooks.sendTest": adminOnly(ITEM_MANAGEMENT),

  "campaigns.list": SIGNED_IN,
  "campaigns.calendar": SIGNED_IN,
  "campaigns.dashboard": SIGNED_IN,
  "campaigns.get": {
    anonymous: "UNAUTHORIZED",
    viewer: READ_ANY,
    member: READ_ANY,
    manager: READ_ANY,
    admin: READ_ANY,
  },
  // The new campaign's team: a member may name only their own; Globex's team is no team of Northwind (400).
  "campaigns.create": {
    ...CAMPAIGN_WRITE,
    member: scoped("allow", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
    manager: scoped("allow", "allow", "BAD_REQUEST", "allow"),
    admin: scoped("allow", "allow", "BAD_REQUEST", "allow"),
  },
  "campaigns.update": CAMPAIGN_WRITE,
  "campaigns.move": CAMPAIGN_WRITE,
  "campaigns.saveResults": CAMPAIGN_WRITE,
  "campaigns.previewImport": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: "allow",
    manager: "allow",
    admin: "allow",
  },
  // One row they may not import (another team's, Globex's unknown name) refuses the whole file.
  "campaigns.import": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST"),
    manager: scoped("allow", "allow", "BAD_REQUEST", "allow"),
    admin: scoped("allow", "allow", "BAD_REQUEST", "allow"),
  },
  "calendarFeed.status": SIGNED_IN,
  "calendarFeed.rotate": SIGNED_IN,
  "calendarFeed.revoke": SIGNED_IN,

  "reviews.list": SIGNED_IN,
  "reviews.get": REVIEW_READ,
  "reviews.compare": REVIEW_READ,
  "reviews.outline": REVIEW_READ,
  "reviews.kpis": REVIEW_READ,
  "reviews.okrs": REVIEW_READ,
  "reviews.subjects": REVIEW_READ,
  // Where the open form starts: for those who may open a review.
  "reviews.openable": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: "FORBIDDEN",
    manager: "allow",
    admin: "allow",
  },
  // private: last quarter's organization review exists already — one review per cycle and scope.
  "reviews.open": {
    ...REVIEW_WRITE,
    manager: scoped("allow", "allow", "NOT_FOUND", "CONFLICT"),
    admin: scoped("allow", "allow", "NOT_FOUND", "CONFLICT"),
  },
  "reviews.comment": REVIEW_WRITE,
  "reviews.finalize": REVIEW_WRITE,
  "correctiveActions.create": REVIEW_WRITE,
  // Managers and admins update any action, members their own — also after its review was finalized.
  "correctiveActions.update": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "FORBIDDEN", "NOT_FOUND", "allow"),
    manager: ITEM_MANAGEMENT,
    admin: ITEM_MANAGEMENT,
  },
  "correctiveActions.listOpen": SIGNED_IN,

  "experiments.list": SIGNED_IN,
  "experiments.running": SIGNED_IN,
  "experiments.get": {
    anonymous: "UNAUTHORIZED",
    viewer: READ_ANY,
    member: READ_ANY,
    manager: READ_ANY,
    admin: READ_ANY,
  },
  // own: for the principal's team; otherTeam: for Sales; otherOrg: for Globex's team (no team of this
  // organization: 400 once one may create for any team); private: linked to Globex's KPI (400).
  "experiments.create": {
    anonymous: "UNAUTHORIZED",
    viewer: "FORBIDDEN",
    member: scoped("allow", "FORBIDDEN", "FORBIDDEN", "BAD_REQUEST"),
    manager: scoped("allow", "allow", "BAD_REQUEST", "BAD_REQUEST"),
    admin: scoped("allow", "allow", "BAD_REQUEST", "BAD_REQUEST"),
  },
  "experiments.update": EXPERIMENT_WRITE,
  "experiments.setStatus": EXPERIMENT_WRITE,
  "experiments.conclude": EXPERIMENT_WRITE,
  "experiments.saveResults": EXPERIMENT_WRITE,
  "experiments.previewImport": EXPERIMENT_WRITE,
  "experiments.importResults": EXPERIMENT_WRITE,

  // One's own notification centre and choices: everyone, their own rows only. markRead in the
  // otherTeam, otherOrg and private scopes names Jordan's, a Globex member's and Ravi's: it marks nothing.
  "notifications.inbox": SIGNED_IN,
  "notifications.unreadCount": SIGNED_IN,
  "notifications.markRead": SIGNED_IN,
  "notifications.markAllRead": SIGNED_IN,
  "notifications.myPreferences": SIGNED_IN,
  "notifications.setMyPreferences": SIGNED_IN,
  // The organization's defaults and check-in day: admins.
  "notifications.organizationDefaults": adminOnly("allow"),
  "notifications.setOrganizationDefaults": adminOnly("allow"),
  "notifications.checkInSchedule": adminOnly("allow"),
  "notifications.setCheckInSchedule": adminOnly("allow"),
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
  /** Has an account in Globex only; users.create in the otherOrg scope invites them to Northwind. */
  joiner: { id: string; email: string };
  teamId: string;
  cycleId: string;
  /** A cycle in planning, for cycles.open. */
  planningCycleId: string;
  objectiveId: string;
  keyResultId: string;
  checkInId: string;
  perspectiveId: string;
  strategicObjectiveId: string;
  linkId: string;
  kpiId: string;
  kpiName: string;
  benchmarkId: string;
  tokenId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** Open, with a commentary and a corrective action about its KPI. */
  reviewId: string;
  actionId: string;
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
  scorecard: ScorecardFixtures;
  /** Strings that must never appear in an answer given in Northwind. */
  leaks: {
    /** The hashes of Northwind's API tokens: no answer, not even the admin's, holds one. */
    secret: string[];
    /** Globex's ids, names, emails and log rows. */
    otherOrg: string[];
    /** Ravi's private objective and its key result: only its owner, Engineering's lead and admins see them. */
    private: string[];
    /** Engineering's draft and its key result: only Engineering and admins see them. */
    draft: string[];
  };
}

/** Northwind's scorecard items each scope is about (see the comment above KPI_MANAGE). */
interface ScorecardFixtures {
  /** own: an empty band the matrix made; otherTeam: a demo band holding strategic objectives; private: the band of the private-aligned objective. */
  perspectiveId: { own: string; otherTeam: string; private: string };
  /** Each principal's own strategic objective, Jordan's, and the one Ravi's private OKR objective aligns to. */
  strategicObjectiveId: Record<Principal, string> & { otherTeam: string; private: string };
  /** Where the links of strategy.link cells point: the CEO's strategic objective. */
  hubObjectiveId: string;
  /** Each principal's own live KPI (linked to their strategic objective), and Jordan's. */
  kpiId: Record<Principal, string> & { otherTeam: string };
  /** Each principal's own archived KPI. */
  archivedKpiId: Record<Principal, string>;
  reviewId: {
    /** The demo's organization review of last quarter, finalized. */
    finalizedOrg: string;
    /** Sales' review of last quarter, finalized. */
    finalizedSales: string;
    /** This quarter's organization review, open. */
    openOrg: string;
    /** This quarter's open review of each team. */
    openTeam: Record<TeamName, string>;
  };
  revokedTokenId: string;
}

let handle: DatabaseHandle;
let db: Database;
let f: Fixtures;
/** Each principal's current password: account.changePassword cells replace it in turn. */
const passwords = new Map<Principal, string>();

let rowNumber = 0;
/** Names unique within a run: KPI names are unique per organization. */
const uniqueName = (base: string) => `${base} #${++rowNumber}`;

async function insertStrategicObjective(organizationId: string, perspectiveId: string, ownerId: string, name?: string) {
  const [row] = await db
    .insert(strategicObjectives)
    .values({ organizationId, perspectiveId, ownerId, name: name ?? uniqueName("Matrix strategic objective") })
    .returning();
  if (!row) throw new Error("strategic objective was not created");
  return row;
}

/** An entered KPI, higher is better, goal 100 and red flag 80. */
async function insertKpi(
  organizationId: string,
  ownerId: string,
  options: {
    name?: string;
    strategicObjectiveId?: string | null;
    frequency?: "monthly" | "quarterly";
    archived?: boolean;
  } = {},
) {
  const [row] = await db
    .insert(kpis)
    .values({
      organizationId,
      ownerId,
      name: options.name ?? uniqueName("Matrix KPI"),
      goal: 100,
      redFlag: 80,
      frequency: options.frequency ?? "monthly",
      aggregation: options.frequency === "quarterly" ? "last" : "sum",
      strategicObjectiveId: options.strategicObjectiveId ?? null,
      archivedAt: options.archived ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error("KPI was not created");
  return row;
}

async function insertToken(
  organizationId: string,
  createdById: string,
  name: string,
  options: { revoked?: boolean } = {},
) {
  const { hash, prefix } = generateApiToken();
  const [row] = await db
    .insert(apiTokens)
    .values({
      organizationId,
      name,
      prefix,
      tokenHash: hash,
      createdById,
      revokedAt: options.revoked ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error("API token was not created");
  return row;
}

// ── webhooks ──

interface WebhookFixtures {
  receiverUrl: string;
  /** Northwind's endpoint that reads are about, with one delivery. */
  endpointId: string;
  deliveryId: string;
  eventId: string;
}
let wf: WebhookFixtures;
/** A receiver on 127.0.0.1 that takes every delivery (sendTest goes out for real); private addresses are allowed here. */
let receiver: Server | undefined;
let receiverUrl = "";

async function insertWebhook(organizationId: string, url: string) {
  const secret = generateWebhookSecret();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ organizationId, url, events: ["review.finalized"], secret })
    .returning({ id: webhookEndpoints.id });
  if (!endpoint) throw new Error("webhook endpoint was not created");
  const eventId = `msg_${randomUUID()}`;
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      organizationId,
      endpointId: endpoint.id,
      eventId,
      eventType: "review.finalized",
      payload: { type: "review.finalized", timestamp: new Date().toISOString(), data: {} },
      state: "succeeded",
      attempts: 1,
    })
    .returning({ id: webhookDeliveries.id });
  if (!delivery) throw new Error("webhook delivery was not created");
  return { endpointId: endpoint.id, deliveryId: delivery.id, eventId, secret };
}

/** A fresh Northwind endpoint, for a cell that changes or removes one. */
const freshWebhook = async () => (await insertWebhook(f.demoOrgId, `${receiverUrl}/matrix/fresh`)).endpointId;
/** Reading: Northwind's endpoint, or Globex's in the otherOrg scope. */
const webhookFor = ({ scope }: Cell) => (scope === "otherOrg" ? f.globex.webhookEndpointId : wf.endpointId);
const demoWebhookIds = async () =>
  idSet(
    await db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organizationId, f.demoOrgId)),
  );

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
  // A scorecard of its own: a band, two linked strategic objectives, a KPI with an actual and a benchmark.
  const [perspective] = await db
    .insert(perspectives)
    .values({ organizationId: org.id, name: "Globex Shareholder Value" })
    .returning();
  if (!perspective) throw new Error("Globex perspective was not created");
  const strategic = await insertStrategicObjective(org.id, perspective.id, admin.id, "Globex hidden strategic thrust");
  const moonshot = await insertStrategicObjective(org.id, perspective.id, member.id, "Globex moonshot objective");
  const [link] = await db
    .insert(strategyLinks)
    .values({ organizationId: org.id, causeId: strategic.id, effectId: moonshot.id })
    .returning();
  if (!link) throw new Error("Globex link was not created");
  const quarter = quarterContaining(cycle.startsOn).start;
  const kpi = await insertKpi(org.id, member.id, {
    name: "Globex widget throughput",
    strategicObjectiveId: strategic.id,
    frequency: "quarterly",
  });
  const [actual] = await db
    .insert(kpiActuals)
    .values({ organizationId: org.id, kpiId: kpi.id, periodStart: quarter, value: 77 })
    .returning();
  const [benchmark] = await db
    .insert(kpiBenchmarks)
    .values({ organizationId: org.id, kpiId: kpi.id, source: "Globex rival Initech", periodStart: quarter, value: 91 })
    .returning();
  if (!actual || !benchmark) throw new Error("Globex KPI data was not created");
  const token = await insertToken(org.id, admin.id, "Globex ingestion robot");
  const webhook = await insertWebhook(org.id, `${receiverUrl}/globex-only-hook`);
  // Its review of the cycle, open, with a commentary and a corrective action about the KPI.
  const review = await gina.reviews.open({ cycleId: cycle.id });
  const commentary = await gina.reviews.comment({
    reviewId: review.id,
    subjectType: "kpi",
    subjectId: kpi.id,
    body: "Globex-only review commentary",
  });
  if (!commentary) throw new Error("Globex commentary was not created");
  const action = await gina.correctiveActions.create({
    reviewId: review.id,
    subjectType: "kpi",
    subjectId: kpi.id,
    title: "Globex-only corrective action",
    ownerId: member.id,
    dueOn: "2031-02-01",
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
    webhook.endpointId,
    webhook.deliveryId,
    webhook.secret,
    "globex-only-hook",
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
    perspective.id,
    perspective.name,
    strategic.id,
    strategic.name,
    moonshot.id,
    moonshot.name,
    link.id,
    kpi.id,
    kpi.name,
    actual.id,
    benchmark.id,
    benchmark.source,
    token.id,
    token.name,
    token.prefix,
    token.tokenHash,
    review.id,
    review.title,
    commentary.id,
    commentary.body,
    action.id,
    "Globex-only corrective action",
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
      perspectiveId: perspective.id,
      strategicObjectiveId: strategic.id,
      linkId: link.id,
      kpiId: kpi.id,
      kpiName: kpi.name,
      benchmarkId: benchmark.id,
      tokenId: token.id,
      webhookEndpointId: webhook.endpointId,
      webhookDeliveryId: webhook.deliveryId,
      reviewId: review.id,
      actionId: action.id,
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

/**
 * The scorecard items the scopes are about: each principal owns a strategic
 * objective and a live and an archived KPI, Jordan owns one of each, Ravi's
 * private OKR objective aligns to a strategic objective of a band of its own;
 * the manager opens this quarter's reviews (the organization's and each
 * team's) and finalizes Sales' review of last quarter.
 */
async function createScorecardFixtures(demo: {
  orgId: string;
  userId: Fixtures["userId"];
  teamId: Record<TeamName, string>;
  openCycleId: string;
  closedCycleId: string;
  privateObjectiveId: string;
}): Promise<{ scorecard: ScorecardFixtures; secrets: string[] }> {
  const { orgId, userId, teamId } = demo;
  const bands = await db
    .select({ id: perspectives.id, objectives: count(strategicObjectives.id) })
    .from(perspectives)
    .leftJoin(strategicObjectives, eq(strategicObjectives.perspectiveId, perspectives.id))
    .where(eq(perspectives.organizationId, orgId))
    .groupBy(perspectives.organizationId, perspectives.id)
    .orderBy(asc(perspectives.position));
  const demoBand = bands.find((b) => b.objectives > 0);
  if (!demoBand) throw new Error("the demo scorecard has no strategic objectives");
  const [emptyBand, privateBand] = await db
    .insert(perspectives)
    .values([
      { organizationId: orgId, name: "Matrix empty band", position: 90 },
      { organizationId: orgId, name: "Matrix private band", position: 91 },
    ])
    .returning();
  if (!emptyBand || !privateBand) throw new Error("matrix bands were not created");

  const owners = ["viewer", "member", "manager", "admin"] as const;
  const strategic = {} as Record<Principal, string>;
  const live = {} as Record<Principal, string>;
  const archived = {} as Record<Principal, string>;
  for (const principal of owners) {
    const ownerId = userId[principal];
    const objective = await insertStrategicObjective(
      orgId,
      demoBand.id,
      ownerId,
      `Matrix strategic objective of the ${principal}`,
    );
    strategic[principal] = objective.id;
    live[principal] = (
      await insertKpi(orgId, ownerId, { name: `Matrix KPI of the ${principal}`, strategicObjectiveId: objective.id })
    ).id;
    archived[principal] = (
      await insertKpi(orgId, ownerId, { name: `Matrix retired KPI of the ${principal}`, archived: true })
    ).id;
  }
  // The visitor borrows the member's.
  strategic.anonymous = strategic.member;
  live.anonymous = live.member;
  archived.anonymous = archived.member;
  const jordans = await insertStrategicObjective(
    orgId,
    demoBand.id,
    userId.jordan,
    "Matrix strategic objective of Jordan",
  );
  const jordansKpi = await insertKpi(orgId, userId.jordan, {
    name: "Matrix KPI of Jordan",
    strategicObjectiveId: jordans.id,
  });
  const hub = await insertStrategicObjective(orgId, demoBand.id, userId.priya, "Matrix hub objective");
  const privateAligned = await insertStrategicObjective(
    orgId,
    privateBand.id,
    userId.ravi,
    "Matrix objective a private OKR aligns to",
  );
  await db
    .update(objectives)
    .set({ strategicObjectiveId: privateAligned.id })
    .where(eq(objectives.id, demo.privateObjectiveId));

  const [finalizedOrg] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.organizationId, orgId), isNull(reviews.teamId), eq(reviews.status, "finalized")));
  if (!finalizedOrg) throw new Error("the demo has no finalized review");
  const manager = await callerFor(db, DEMO.manager);
  const sales = await manager.reviews.open({ cycleId: demo.closedCycleId, teamId: teamId.Sales });
  await manager.reviews.finalize({ reviewId: sales.id, version: sales.version });
  const openOrg = await manager.reviews.open({ cycleId: demo.openCycleId });
  const openTeam = {} as Record<TeamName, string>;
  for (const team of ["Executive", "Marketing", "Sales", "Engineering"] as const) {
    openTeam[team] = (await manager.reviews.open({ cycleId: demo.openCycleId, teamId: teamId[team] })).id;
  }

  const liveToken = await insertToken(orgId, userId.admin, "Northwind warehouse sync");
  const revoked = await insertToken(orgId, userId.admin, "Matrix revoked token", { revoked: true });
  return {
    scorecard: {
      perspectiveId: { own: emptyBand.id, otherTeam: demoBand.id, private: privateBand.id },
      strategicObjectiveId: { ...strategic, otherTeam: jordans.id, private: privateAligned.id },
      hubObjectiveId: hub.id,
      kpiId: { ...live, otherTeam: jordansKpi.id },
      archivedKpiId: archived,
      reviewId: { finalizedOrg: finalizedOrg.id, finalizedSales: sales.id, openOrg: openOrg.id, openTeam },
      revokedTokenId: revoked.id,
    },
    secrets: [liveToken.tokenHash, revoked.tokenHash],
  };
}

beforeAll(async () => {
  // The app in demo mode, as on the embedded database, whichever database the tests run on: demo.accounts lists.
  vi.stubEnv("MERIDIAN_DEMO", "1");
  vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
  receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
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
  const { scorecard, secrets } = await createScorecardFixtures({
    orgId: demoOrgId,
    userId,
    teamId,
    openCycleId: openCycle.id,
    closedCycleId: closedCycle.id,
    privateObjectiveId: privateObjective.id,
  });
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
    scorecard,
    leaks: {
      secret: secrets,
      otherOrg: leaks,
      private: [privateObjective.id, privateObjective.title, privateKr.keyResult.id, privateKr.keyResult.title],
      draft: [draft.id, draft.title, draftKr.keyResult.id, draftKr.keyResult.title],
    },
  };
  // An open action of an open review: listOpen shows it to everyone but viewers.
  await freshAction({ principal: "member", scope: "own" });
  await createExperimentFixtures();
  cf = await createCampaignFixtures();
  f.leaks.otherOrg.push(cf.globex, cf.globexName);
  const webhook = await insertWebhook(demoOrgId, `${receiverUrl}/northwind`);
  wf = { receiverUrl, endpointId: webhook.endpointId, deliveryId: webhook.deliveryId, eventId: webhook.eventId };
  f.leaks.secret.push(webhook.secret);
  for (const principal of PRINCIPALS) passwords.set(principal, DEMO_PASSWORD);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => receiver?.close(resolve));
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

/**
 * An invitation each cell is about, made fresh: own, the principal's to a
 * throwaway organization; otherTeam, Jordan's (Sales) to one; otherOrg, one
 * of Globex's to someone outside; private, Ravi's to one.
 */
async function invitationFor({ principal, scope }: Cell): Promise<string> {
  const organization = scope === "otherOrg" ? null : await createOrganization(db, { name: uniqueName("Inviting org") });
  const organizationId = organization?.id ?? f.globex.organizationId;
  // A visitor's "own" is nobody's: its cells must not leave an invitation for its stand-in.
  const userId =
    scope === "own" && principal !== "anonymous"
      ? ownUserId(principal)
      : scope === "otherTeam"
        ? f.userId.jordan
        : scope === "private"
          ? f.userId.ravi
          : (await createUser(db)).id;
  const [row] = await db
    .insert(invitations)
    .values({ organizationId, userId, role: "viewer" })
    .returning({ id: invitations.id });
  if (!row) throw new Error("invitation was not created");
  return row.id;
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
      seq: nextCheckInSeq(f.demoOrgId, keyResultFor(cell)),
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

// Scorecard, KPIs, API tokens and reviews: the items each scope is about (see the comment above KPI_MANAGE).

const sc = () => f.scorecard;

function perspectiveFor({ scope }: Cell): string {
  return scope === "otherOrg" ? f.globex.perspectiveId : sc().perspectiveId[scope];
}

async function perspectiveVersion(id: string) {
  const [row] = await db
    .select({ version: perspectives.version, name: perspectives.name })
    .from(perspectives)
    .where(eq(perspectives.id, id));
  if (!row) throw new Error(`no perspective ${id}`);
  return row;
}

/** Northwind's bands, top first. */
async function demoBandIds(): Promise<string[]> {
  const rows = await db
    .select({ id: perspectives.id })
    .from(perspectives)
    .where(eq(perspectives.organizationId, f.demoOrgId))
    .orderBy(asc(perspectives.position), asc(perspectives.name));
  return rows.map((r) => r.id);
}

function strategicObjectiveFor(cell: Cell): string {
  return itemFor(cell, sc().strategicObjectiveId, f.globex.strategicObjectiveId);
}

async function strategicObjectiveVersion(id: string) {
  const [row] = await db
    .select({ version: strategicObjectives.version, name: strategicObjectives.name })
    .from(strategicObjectives)
    .where(eq(strategicObjectives.id, id));
  if (!row) throw new Error(`no strategic objective ${id}`);
  return row;
}

/**
 * A fresh strategic objective for a mutation that removes it: the principal's
 * own, Jordan's, Globex's, or one in the private band that a fresh private OKR
 * objective of Ravi's aligns to.
 */
async function freshStrategicObjective({ principal, scope }: Cell): Promise<string> {
  switch (scope) {
    case "own":
      return (await insertStrategicObjective(f.demoOrgId, sc().perspectiveId.otherTeam, ownUserId(principal))).id;
    case "otherTeam":
      return (await insertStrategicObjective(f.demoOrgId, sc().perspectiveId.otherTeam, f.userId.jordan)).id;
    case "otherOrg":
      return f.globex.strategicObjectiveId;
    case "private": {
      const target = await insertStrategicObjective(f.demoOrgId, sc().perspectiveId.private, f.userId.ravi);
      const okr = await createObjective(
        db,
        { organizationId: f.demoOrgId, cycleId: f.openCycleId, ownerId: f.userId.ravi },
        { level: "personal", teamId: f.teamId.Engineering, visibility: "private" },
      );
      await db.update(objectives).set({ strategicObjectiveId: target.id }).where(eq(objectives.id, okr.id));
      return target.id;
    }
  }
}

/** The cell's strategic objective → the hub, drawn afresh (an earlier cell may have removed it); Globex's link. */
async function freshLink(cell: Cell): Promise<string> {
  if (cell.scope === "otherOrg") return f.globex.linkId;
  const causeId = strategicObjectiveFor(cell);
  const effectId = sc().hubObjectiveId;
  await db.insert(strategyLinks).values({ organizationId: f.demoOrgId, causeId, effectId }).onConflictDoNothing();
  const [link] = await db
    .select({ id: strategyLinks.id })
    .from(strategyLinks)
    .where(and(eq(strategyLinks.causeId, causeId), eq(strategyLinks.effectId, effectId)));
  if (!link) throw new Error("link was not drawn");
  return link.id;
}

/** The KPI a cell is about: the principal's own, Jordan's, Globex's, the principal's own archived one. */
function kpiFor({ principal, scope }: Cell): string {
  switch (scope) {
    case "own":
      return sc().kpiId[principal];
    case "otherTeam":
      return sc().kpiId.otherTeam;
    case "otherOrg":
      return f.globex.kpiId;
    case "private":
      return sc().archivedKpiId[principal];
  }
}

async function kpiVersion(id: string): Promise<number> {
  const [row] = await db.select({ version: kpis.version }).from(kpis).where(eq(kpis.id, id));
  if (!row) throw new Error(`no KPI ${id}`);
  return row.version;
}

/** A fresh live KPI for a mutation that retires it: the principal's own or Jordan's; else the shared one. */
async function freshKpi(cell: Cell): Promise<string> {
  if (cell.scope === "own") return (await insertKpi(f.demoOrgId, ownUserId(cell.principal))).id;
  if (cell.scope === "otherTeam") return (await insertKpi(f.demoOrgId, f.userId.jordan)).id;
  return kpiFor(cell);
}

/** A fresh benchmark on the cell's KPI (Globex's own benchmark for otherOrg). */
async function freshBenchmark(cell: Cell): Promise<string> {
  if (cell.scope === "otherOrg") return f.globex.benchmarkId;
  const [row] = await db
    .insert(kpiBenchmarks)
    .values({
      organizationId: f.demoOrgId,
      kpiId: kpiFor(cell),
      source: uniqueName("Matrix rival"),
      periodStart: "2026-07-01",
      value: 12,
    })
    .returning({ id: kpiBenchmarks.id });
  if (!row) throw new Error("benchmark was not created");
  return row.id;
}

/** A CSV of one actual for the cell's KPI; Globex's is named in capitals, so an echo of the name is no leak. */
const actualsCsv = (cell: Cell, value: number) =>
  `kpi,period,value\n${cell.scope === "otherOrg" ? f.globex.kpiName.toUpperCase() : kpiFor(cell)},2026-07,${value}\n`;

/** A fresh API token: created by the principal, by Jordan, Globex's, or one already revoked. */
async function freshToken({ principal, scope }: Cell): Promise<string> {
  switch (scope) {
    case "own":
      return (await insertToken(f.demoOrgId, ownUserId(principal), uniqueName("Matrix token"))).id;
    case "otherTeam":
      return (await insertToken(f.demoOrgId, f.userId.jordan, uniqueName("Matrix token"))).id;
    case "otherOrg":
      return f.globex.tokenId;
    case "private":
      return sc().revokedTokenId;
  }
}

/** Reading: last quarter's organization review, Sales' review of it, Globex's, this quarter's open one. */
function reviewToRead({ scope }: Cell): string {
  const ids = sc().reviewId;
  return { own: ids.finalizedOrg, otherTeam: ids.finalizedSales, otherOrg: f.globex.reviewId, private: ids.openOrg }[
    scope
  ];
}

/** Writing: this quarter's open review of one's team or of Sales, Globex's, last quarter's finalized one. */
function reviewToWrite({ principal, scope }: Cell): string {
  const ids = sc().reviewId;
  switch (scope) {
    case "own":
      return ids.openTeam[PRINCIPAL[principal].team];
    case "otherTeam":
      return ids.openTeam.Sales;
    case "otherOrg":
      return f.globex.reviewId;
    case "private":
      return ids.finalizedOrg;
  }
}

async function reviewVersion(id: string): Promise<number> {
  const [row] = await db.select({ version: reviews.version }).from(reviews).where(eq(reviews.id, id));
  if (!row) throw new Error(`no review ${id}`);
  return row.version;
}

/** What a commentary or action on the review is about: its first perspective (Globex's KPI for Globex's review). */
async function reviewSubject(reviewId: string): Promise<{ subjectType: ReviewSubjectType; subjectId: string }> {
  if (reviewId === f.globex.reviewId) return { subjectType: "kpi", subjectId: f.globex.kpiId };
  const [row] = await db.select({ snapshot: reviews.snapshot }).from(reviews).where(eq(reviews.id, reviewId));
  if (!row) throw new Error(`no review ${reviewId}`);
  const subject = reviewRows(row.snapshot as unknown as ReviewSnapshot).find((r) => r.subjectType === "perspective");
  if (!subject?.subjectType) throw new Error("the review's snapshot holds no perspective");
  return { subjectType: subject.subjectType, subjectId: subject.id };
}

/**
 * A fresh open review for a mutation that finalizes it: of one's team or of
 * Sales, each in a fresh cycle; Globex's; or last quarter's finalized one.
 */
async function freshOpenReview(cell: Cell): Promise<string> {
  if (cell.scope === "otherOrg" || cell.scope === "private") return reviewToWrite(cell);
  const team = cell.scope === "own" ? PRINCIPAL[cell.principal].team : "Sales";
  const { cycleId } = await freshCycle("open");
  const manager = await callerFor(db, DEMO.manager);
  return (await manager.reviews.open({ cycleId, teamId: f.teamId[team] })).id;
}

/**
 * A fresh corrective action: the principal's own in their team's open review,
 * Jordan's in Sales' open review, Globex's, or the principal's own agreed in
 * last quarter's finalized review.
 */
async function freshAction(cell: Cell): Promise<string> {
  if (cell.scope === "otherOrg") return f.globex.actionId;
  const reviewId = reviewToWrite(cell);
  const ownerId = cell.scope === "otherTeam" ? f.userId.jordan : ownUserId(cell.principal);
  const [row] = await db
    .insert(correctiveActions)
    .values({
      organizationId: f.demoOrgId,
      reviewId,
      ...(await reviewSubject(reviewId)),
      title: uniqueName("Matrix corrective action"),
      ownerId,
      dueOn: "2026-12-15",
    })
    .returning({ id: correctiveActions.id });
  if (!row) throw new Error("corrective action was not created");
  return row.id;
}

async function finalizedReviewIds(): Promise<string[]> {
  const rows = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.organizationId, f.demoOrgId), eq(reviews.status, "finalized")));
  return rows.map((r) => r.id);
}

/** Northwind's rows of a table, by id: what an answer given in Northwind may list. */
const idSet = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
const demoPerspectiveIds = async () =>
  idSet(
    await db.select({ id: perspectives.id }).from(perspectives).where(eq(perspectives.organizationId, f.demoOrgId)),
  );
const demoKpiIds = async () =>
  idSet(await db.select({ id: kpis.id }).from(kpis).where(eq(kpis.organizationId, f.demoOrgId)));
const demoTokenIds = async () =>
  idSet(await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.organizationId, f.demoOrgId)));
const demoActionIds = async () =>
  idSet(
    await db
      .select({ id: correctiveActions.id })
      .from(correctiveActions)
      .where(eq(correctiveActions.organizationId, f.demoOrgId)),
  );

// ── campaigns ──

interface CampaignFixtures {
  byTeam: Record<TeamName, string>;
  noTeam: string;
  globex: string;
  globexName: string;
}
let cf: CampaignFixtures;

async function insertCampaign(organizationId: string, ownerId: string, teamId: string | null, name: string) {
  const [row] = await db
    .insert(campaigns)
    .values({
      organizationId,
      ownerId,
      teamId,
      name,
      channel: "email",
      startsOn: "2026-07-06",
      endsOn: "2026-07-26",
      currency: "EUR",
      budget: 300_000,
    })
    .returning({ id: campaigns.id });
  if (!row) throw new Error("campaign was not created");
  return row.id;
}

async function createCampaignFixtures(): Promise<CampaignFixtures> {
  const teamNames: TeamName[] = ["Executive", "Marketing", "Sales", "Engineering"];
  const byTeam = Object.fromEntries(
    await Promise.all(
      teamNames.map(
        async (t) =>
          [t, await insertCampaign(f.demoOrgId, f.userId.admin, f.teamId[t], `Matrix ${t} campaign`)] as const,
      ),
    ),
  ) as Record<TeamName, string>;
  const globexName = "Globex Matrix Launch";
  return {
    byTeam,
    noTeam: await insertCampaign(f.demoOrgId, f.userId.admin, null, "Matrix brand campaign"),
    globex: await insertCampaign(f.globex.organizationId, f.globex.admin.id, f.globex.teamId, globexName),
    globexName,
  };
}

function campaignFor({ principal, scope }: Cell): string {
  switch (scope) {
    case "own":
      return cf.byTeam[PRINCIPAL[principal].team];
    case "otherTeam":
      return cf.byTeam.Sales;
    case "otherOrg":
      return cf.globex;
    case "private":
      return cf.noTeam;
  }
}

function campaignTeamFor({ principal, scope }: Cell): string | null {
  switch (scope) {
    case "own":
      return f.teamId[PRINCIPAL[principal].team];
    case "otherTeam":
      return f.teamId.Sales;
    case "otherOrg":
      return f.globex.teamId;
    case "private":
      return null;
  }
}

async function campaignVersion(id: string): Promise<number> {
  const [row] = await db.select({ version: campaigns.version }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw new Error(`no campaign ${id}`);
  return row.version;
}

/** A CSV of one period for the cell's campaign; Globex's named in capitals, so an echo of the name is no leak. */
const campaignCsv = (cell: Cell, spend: string) =>
  `campaign,period,currency,spend\n${cell.scope === "otherOrg" ? cf.globexName.toUpperCase() : campaignFor(cell)},2026-07,EUR,${spend}\n`;

const demoCampaignIds = async () =>
  idSet(await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.organizationId, f.demoOrgId)));

/** The write fingerprint before a previewImport, which must write nothing even when it answers. */
let beforePreview: Awaited<ReturnType<typeof writeFingerprint>> | null = null;

interface MatrixExperiment {
  id: string;
  name: string;
  controlId: string;
  treatmentId: string;
  metricId: string;
}

/** An experiment with a control, a treatment and its primary metric, written straight to the database. */
async function insertExperiment(
  organizationId: string,
  teamId: string,
  ownerId: string,
  status: "draft" | "running" | "concluded" = "draft",
): Promise<MatrixExperiment> {
  const name = uniqueName("Matrix experiment");
  const [row] = await db
    .insert(experiments)
    .values({
      organizationId,
      teamId,
      ownerId,
      name,
      mdeBp: 1000,
      status,
      startDate: status === "draft" ? null : "2026-07-01",
      decision: status === "concluded" ? "keep_control" : null,
    })
    .returning({ id: experiments.id });
  if (!row) throw new Error("experiment was not created");
  const [control, treatment] = await db
    .insert(experimentVariants)
    .values([
      { organizationId, experimentId: row.id, name: "Control", isControl: true, weight: 1, position: 0 },
      { organizationId, experimentId: row.id, name: "Treatment B", weight: 1, position: 1 },
    ])
    .returning({ id: experimentVariants.id });
  const [metric] = await db
    .insert(experimentMetrics)
    .values({ organizationId, experimentId: row.id, name: "Signup", isPrimary: true })
    .returning({ id: experimentMetrics.id });
  if (!control || !treatment || !metric) throw new Error("experiment arms were not created");
  return { id: row.id, name, controlId: control.id, treatmentId: treatment.id, metricId: metric.id };
}

let globexExperiment: MatrixExperiment;
/** The concluded experiment of each principal's team (the private scope). */
const concludedExperiment = new Map<TeamName, MatrixExperiment>();
const sharedExperiment = new Map<string, MatrixExperiment>();

async function createExperimentFixtures() {
  globexExperiment = await insertExperiment(f.globex.organizationId, f.globex.teamId, f.globex.admin.id, "running");
  f.leaks.otherOrg.push(globexExperiment.id, globexExperiment.name);
  for (const team of ["Executive", "Marketing", "Sales"] as const) {
    concludedExperiment.set(team, await insertExperiment(f.demoOrgId, f.teamId[team], f.userId.admin, "concluded"));
    sharedExperiment.set(team, await insertExperiment(f.demoOrgId, f.teamId[team], f.userId.admin, "running"));
  }
}

/** The cell's experiment: fresh (for changes of state) in the principal's team or Sales; Globex's; a concluded one. */
async function experimentFor({ principal, scope }: Cell, fresh?: "draft" | "running"): Promise<MatrixExperiment> {
  const team: TeamName = scope === "otherTeam" ? "Sales" : PRINCIPAL[principal].team;
  if (scope === "otherOrg") return globexExperiment;
  if (scope === "private") {
    const found = concludedExperiment.get(team);
    if (!found) throw new Error(`no concluded experiment of ${team}`);
    return found;
  }
  if (fresh) return insertExperiment(f.demoOrgId, f.teamId[team], f.userId.admin, fresh);
  const found = sharedExperiment.get(team);
  if (!found) throw new Error(`no experiment of ${team}`);
  return found;
}

async function experimentVersion(id: string): Promise<number> {
  const [row] = await db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, id));
  if (!row) throw new Error(`no experiment ${id}`);
  return row.version;
}

const experimentCsv = (day: string) => `day,variant,exposures,conversions\n${day},Control,100,9\n`;

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
  "account.profile": {
    verify: (profile, { principal }) => {
      expect(profile.email).toBe(PRINCIPAL[principal].email);
      expect(profile.version).toBeGreaterThan(0);
    },
  },
  "account.updateProfile": {
    input: async ({ principal }) => {
      const [row] = await db
        .select({ name: users.name, version: users.version })
        .from(users)
        .where(eq(users.id, ownUserId(principal)));
      // The same name (other cells look people up by it), another zone.
      return { name: row?.name ?? "Nobody", timeZone: "europe/berlin", version: row?.version ?? 1 };
    },
    verify: (profile, { principal }, input) => {
      expect(profile).toMatchObject({ email: PRINCIPAL[principal].email, name: input.name, timeZone: "Europe/Berlin" });
      expect(profile.version).toBe(input.version + 1);
    },
  },
  "account.sessions": {
    verify: async (sessions, { principal }) => {
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      const owners = await db
        .select({ userId: userSessions.userId })
        .from(userSessions)
        .where(
          inArray(
            userSessions.id,
            sessions.map((s) => s.id),
          ),
        );
      expect(new Set(owners.map((o) => o.userId))).toEqual(new Set([ownUserId(principal)]));
    },
  },
  "account.signOutSession": {
    input: async ({ principal, scope }) => {
      const email = PRINCIPAL[principal].email ?? DEMO.member;
      if (scope === "otherTeam") return { sessionId: await sessionIdOf(DEMO.lena) };
      if (scope === "otherOrg") return { sessionId: await sessionIdOf(f.globex.admin.email) };
      const sessionId = await sessionIdOf(email);
      if (scope === "private") {
        await db.update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, sessionId));
      }
      return { sessionId };
    },
    verify: async (result, _cell, input) => {
      expect(result).toEqual({ ended: 1, currentEnded: false });
      const [row] = await db.select().from(userSessions).where(eq(userSessions.id, input.sessionId));
      expect(row?.revokedAt).not.toBeNull();
    },
  },
  "account.signOutEverywhere": {
    input: ({ scope }) => ({ keepCurrent: scope !== "own" }),
    verify: async (result, { principal }, input) => {
      expect(result.currentEnded).toBe(!input.keepCurrent);
      const live = await db
        .select({ id: userSessions.id })
        .from(userSessions)
        .innerJoin(users, eq(users.id, userSessions.userId))
        .where(
          and(
            eq(userSessions.userId, ownUserId(principal)),
            isNull(userSessions.revokedAt),
            eq(userSessions.sessionVersion, users.sessionVersion),
          ),
        );
      // Kept: this session alone goes on; else none.
      expect(live).toHaveLength(input.keepCurrent ? 1 : 0);
    },
  },
  "invitations.list": {
    verify: (result) => {
      // Nobody of the demo has a pending invitation between cells: accept and decline cells use theirs up.
      expect(result).toEqual([]);
    },
  },
  "invitations.accept": {
    input: async (cell) => ({ invitationId: await invitationFor(cell) }),
    verify: async (result, { principal }) => {
      const userId = ownUserId(principal);
      const [joined] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.organizationId, result.organizationId), eq(memberships.userId, userId)));
      expect(joined).toEqual({ role: "viewer" });
      // Leaves again, so that later cells see the principal in Northwind alone.
      await db
        .delete(memberships)
        .where(and(eq(memberships.organizationId, result.organizationId), eq(memberships.userId, userId)));
    },
  },
  "invitations.decline": {
    input: async (cell) => ({ invitationId: await invitationFor(cell) }),
    verify: (result) => {
      expect(result).toEqual({ declined: true });
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
      // The caller's own place in their team.
      const own = list.find((t) => t.id === f.teamId[PRINCIPAL[cell.principal].team]);
      expect(own?.myRole).toBe(PRINCIPAL[cell.principal].teamRole);
    },
  },
  "teams.search": {
    input: () => ({ limit: 100 }),
    verify: async (page) => {
      const ours = await demoTeamIds();
      for (const team of page.teams) expect(ours).toContain(team.id);
    },
  },
  "teams.members": {
    // own: the principal's team; otherTeam: Sales; otherOrg: Globex's team; private: Engineering.
    input: (cell) => ({ teamId: teamFor(cell) }),
    verify: async (people, cell, input) => {
      const rows = await db
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .where(eq(teamMembers.teamId, input.teamId));
      expect(people.map((p) => p.id).sort()).toEqual(rows.map((r) => r.userId).sort());
      if (cell.scope === "own") {
        expect(people.find((p) => p.id === ownUserId(cell.principal))?.role).toBe(PRINCIPAL[cell.principal].teamRole);
      }
    },
  },
  "people.list": {
    // otherOrg: Globex's people asked for by id, who are nobody here.
    input: ({ scope }) => (scope === "otherOrg" ? { ids: [f.globex.admin.id, f.globex.member.id] } : {}),
    verify: async ({ people }, { scope }) => {
      const globex = new Set([f.globex.admin.id, f.globex.member.id]);
      for (const person of people) expect(globex.has(person.id)).toBe(false);
      if (scope === "otherOrg") expect(people).toEqual([]);
      else expect(people.length).toBeGreaterThanOrEqual(12);
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
    verify: async (dashboard, { principal, scope }) => {
      if (!dashboard) throw new Error("expected the current cycle's dashboard");
      expect(dashboard.cycle.id).toBe(f.openCycleId);
      // The whole tree, every branch opened as the browser would.
      const titles = flattenTitles((await openDashboard(await callerForCell({ principal, scope })))?.roots ?? []);
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

  "checkIns.weekly": {
    verify: (queue, { principal }) => {
      const me = ownUserId(principal);
      expect(queue.cycle?.id).toBe(f.openCycleId);
      for (const due of queue.keyResults) {
        expect(due.keyResult.owner.id).toBe(me);
        expect(due.keyResult.canCheckIn).toBe(true);
        expect(due.keyResult.id).not.toBe(f.globex.keyResultId);
      }
      for (const kpi of queue.kpis) expect(kpi.id).not.toBe(f.globex.kpiId);
      for (const action of queue.actions) expect(action.id).not.toBe(f.globex.actionId);
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
  "objectives.branch": {
    input: (cell) => ({ objectiveId: objectiveFor(cell) }),
    // Only what the caller may see aligns under it.
    verify: (branch, { principal }, input) => {
      expect(branch.objectiveId).toBe(input.objectiveId);
      if (principal !== "admin") {
        expect(branch.aligned.map((o) => o.title)).not.toContain(f.privateObjective.title);
      }
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
      expect(created.keyResults.map((k) => k.title)).toEqual((input.keyResults ?? []).map((k) => k.title));
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
    verify: (result, _cell, input) => {
      expect(result).toMatchObject({
        archived: true,
        keyResult: { id: input.keyResultId, version: input.version + 1 },
      });
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
    verify: (result, _cell, input) => {
      expect(result).toMatchObject({ id: input.cycleId, status: "open", version: input.version + 1 });
    },
  },
  "cycles.close": {
    input: async ({ scope }) => (scope === "otherOrg" ? { cycleId: f.globex.cycleId, version: 1 } : freshCycle("open")),
    verify: (result, _cell, input) => {
      expect(result).toMatchObject({
        id: input.cycleId,
        status: "closed",
        version: input.version + 1,
        objectivesClosed: 0,
      });
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
    // own: searched for one's own address; otherOrg: Globex's people asked for by id, who are nobody here.
    input: ({ scope }) =>
      scope === "own"
        ? { q: DEMO.admin }
        : scope === "otherOrg"
          ? { ids: [f.globex.admin.id, f.globex.member.id] }
          : {},
    verify: ({ users: people }, { scope }) => {
      if (scope === "own") expect(people.map((p) => p.email)).toEqual([DEMO.admin]);
      else if (scope === "otherOrg") expect(people).toEqual([]);
      else expect(people.length).toBeGreaterThanOrEqual(12);
    },
  },
  "users.create": {
    input: ({ principal, scope }) =>
      scope === "otherOrg"
        ? { email: f.globex.joiner.email, name: "Jo Joiner", role: "member" }
        : { email: `matrix-${principal}-${scope}-${randomUUID()}@northwind.test`, name: "New Person", role: "member" },
    // Alike for a new email and for Jo, who has an account in Globex (and gets an invitation to accept).
    verify: (result) => {
      expect(Object.keys(result)).toEqual(["temporaryPassword"]);
      expect(result.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
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
    verify: (result, _cell, input) => {
      expect(result).toMatchObject({ archived: true, team: { id: input.teamId, version: input.version + 1 } });
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

  "perspectives.list": {
    verify: async (bands) => {
      const ours = await demoPerspectiveIds();
      for (const band of bands) expect(ours.has(band.id)).toBe(true);
      expect(bands.map((b) => b.id)).toContain(sc().perspectiveId.otherTeam);
    },
  },
  "perspectives.addDefaults": {
    verify: (result) => {
      expect(result).toEqual({ added: 0 });
    },
  },
  "perspectives.create": {
    // otherOrg: the forged organization choice still creates the band in Northwind.
    input: ({ principal, scope }) => ({ name: `Matrix band: ${principal}, ${scope}` }),
    verify: async (created, _cell, input) => {
      expect(created.name).toBe(input.name);
      expect((await demoPerspectiveIds()).has(created.id)).toBe(true);
    },
  },
  "perspectives.update": {
    // Saves the name unchanged: allowed calls change nothing but the version.
    input: async (cell) => {
      const perspectiveId = perspectiveFor(cell);
      const { version, name } = await perspectiveVersion(perspectiveId);
      return { perspectiveId, version, name };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toMatchObject({ id: input.perspectiveId, name: input.name, version: input.version + 1 });
    },
  },
  "perspectives.reorder": {
    // own: the current order (changes nothing); otherTeam: the bottom band moved to the top;
    // otherOrg: Globex's band; private: the private band moved to the top.
    input: async (cell) => {
      if (cell.scope === "otherOrg") return { perspectiveIds: [f.globex.perspectiveId] };
      const ids = await demoBandIds();
      if (cell.scope === "own") return { perspectiveIds: ids };
      const top = cell.scope === "otherTeam" ? (ids.at(-1) ?? "") : sc().perspectiveId.private;
      return { perspectiveIds: [top, ...ids.filter((id) => id !== top)] };
    },
    verify: (bands, _cell, input) => {
      expect(bands.map((b) => b.id)).toEqual(input.perspectiveIds);
    },
  },
  "perspectives.remove": {
    // own: a fresh empty band; otherTeam and private hold strategic objectives.
    input: async (cell) => {
      let perspectiveId = perspectiveFor(cell);
      if (cell.scope === "own") {
        const [band] = await db
          .insert(perspectives)
          .values({ organizationId: f.demoOrgId, name: uniqueName("Matrix band to remove"), position: 99 })
          .returning({ id: perspectives.id });
        if (!band) throw new Error("band was not created");
        perspectiveId = band.id;
      }
      return { perspectiveId, version: (await perspectiveVersion(perspectiveId)).version };
    },
    verify: (removed, _cell, input) => {
      expect(removed).toEqual({ id: input.perspectiveId });
    },
  },

  "strategy.map": {
    input: () => ({}),
    verify: async (map, cell) => {
      const ours = await demoPerspectiveIds();
      for (const band of map.perspectives) expect(ours.has(band.id)).toBe(true);
      const objectiveIds = map.perspectives.flatMap((p) => p.objectives.map((o) => o.id));
      if (cell.scope === "own" || cell.scope === "private") expect(objectiveIds).toContain(strategicObjectiveFor(cell));
    },
  },
  "strategy.createObjective": {
    input: ({ principal, scope }) => {
      const name = `Matrix strategic objective by the ${principal} (${scope})`;
      const demoBand = sc().perspectiveId.otherTeam;
      switch (scope) {
        case "own":
          return { perspectiveId: demoBand, name, ownerId: ownUserId(principal) };
        case "otherTeam":
          return { perspectiveId: demoBand, name, ownerId: f.userId.jordan };
        case "otherOrg":
          return { perspectiveId: f.globex.perspectiveId, name, ownerId: ownUserId(principal) };
        case "private":
          return { perspectiveId: sc().perspectiveId.private, name, ownerId: f.userId.ravi };
      }
    },
    verify: (created, _cell, input) => {
      expect(created).toMatchObject({ name: input.name, perspectiveId: input.perspectiveId, ownerId: input.ownerId });
    },
  },
  "strategy.updateObjective": {
    // Saves the name unchanged: allowed calls change nothing but the version.
    input: async (cell) => {
      const strategicObjectiveId = strategicObjectiveFor(cell);
      const { version, name } = await strategicObjectiveVersion(strategicObjectiveId);
      return { strategicObjectiveId, version, name };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toMatchObject({ id: input.strategicObjectiveId, name: input.name, version: input.version + 1 });
    },
  },
  "strategy.removeObjective": {
    input: async (cell) => {
      const strategicObjectiveId = await freshStrategicObjective(cell);
      return { strategicObjectiveId, version: (await strategicObjectiveVersion(strategicObjectiveId)).version };
    },
    verify: (removed, _cell, input) => {
      expect(removed).toEqual({ id: input.strategicObjectiveId });
    },
  },
  "strategy.link": {
    // The cell's strategic objective causes the hub (the CEO's); drawing it again adds nothing.
    input: (cell) => ({ causeId: strategicObjectiveFor(cell), effectId: sc().hubObjectiveId }),
    verify: (link, _cell, input) => {
      expect(link).toMatchObject({ causeId: input.causeId, effectId: input.effectId });
    },
  },
  "strategy.unlink": {
    input: async (cell) => ({ linkId: await freshLink(cell) }),
    verify: (removed, _cell, input) => {
      expect(removed).toEqual({ id: input.linkId });
    },
  },

  "scorecard.tree": {
    input: () => ({}),
    verify: async (tree, cell) => {
      // Lean down to strategic objectives: each counts the live KPIs measuring it.
      const objectives = tree.perspectives.flatMap((p) => p.objectives);
      const own = objectives.find((o) => o.id === sc().strategicObjectiveId[cell.principal]);
      if (cell.scope === "own") expect(own?.kpiCount).toBeGreaterThan(0);
    },
  },

  "scorecard.kpis": {
    // otherOrg: Globex's strategic objective lists nothing here; private: the archived KPI's objective.
    input: (cell) => ({
      strategicObjectiveId:
        cell.scope === "otherOrg" ? f.globex.strategicObjectiveId : sc().strategicObjectiveId[cell.principal],
    }),
    verify: async ({ kpis: listed }, cell) => {
      const ours = await demoKpiIds();
      const ids = listed.map((k) => k.id);
      for (const id of ids) expect(ours.has(id)).toBe(true);
      if (cell.scope === "own") expect(ids).toContain(sc().kpiId[cell.principal]);
      if (cell.scope === "otherOrg") expect(ids).toEqual([]);
      if (cell.scope === "private") expect(ids).not.toContain(sc().archivedKpiId[cell.principal]);
      for (const k of listed) expect(k.trend).toHaveLength(8);
    },
  },
  "scorecard.heatMap": {
    input: () => ({}),
    verify: async (heatMap) => {
      const ours = await demoPerspectiveIds();
      for (const row of heatMap.rows) {
        expect(ours.has(row.id)).toBe(true);
        expect(row.cells).toHaveLength(heatMap.quarters.length);
      }
      expect(heatMap.overall).toHaveLength(heatMap.quarters.length);
    },
  },

  "kpis.list": {
    // own: filtered to one's own KPIs; otherOrg: filtered to Globex's strategic objective (nothing to list).
    input: (cell) =>
      cell.scope === "own"
        ? { ownerId: ownUserId(cell.principal) }
        : cell.scope === "otherOrg"
          ? { strategicObjectiveId: f.globex.strategicObjectiveId }
          : {},
    verify: async ({ kpis: list }, { principal, scope }) => {
      const ours = await demoKpiIds();
      for (const kpi of list) expect(ours.has(kpi.id)).toBe(true);
      const ids = list.map((k) => k.id);
      if (scope === "own") {
        expect(ids).toContain(sc().kpiId[principal]);
        for (const kpi of list) expect(kpi.owner.id).toBe(ownUserId(principal));
      }
      if (scope === "otherTeam") expect(ids).toContain(sc().kpiId.otherTeam);
      if (scope === "otherOrg") expect(list).toEqual([]);
      if (scope === "private") for (const id of Object.values(sc().archivedKpiId)) expect(ids).not.toContain(id);
    },
  },
  "kpis.get": {
    input: (cell) => ({ kpiId: kpiFor(cell) }),
    // What the page offers must match the policy table.
    verify: (page, { principal, scope }, input) => {
      expect(page.kpi.id).toBe(input.kpiId);
      expect(page.canEdit).toBe(expectedOutcome("kpis.update", principal, scope) === "allow");
      expect(page.canEnterActuals).toBe(expectedOutcome("kpiActuals.save", principal, scope) === "allow");
    },
  },
  "kpis.create": {
    input: ({ principal, scope }) => {
      const base = {
        name: uniqueName(`Matrix KPI created by the ${principal} (${scope})`),
        direction: "higher_is_better" as const,
        frequency: "monthly" as const,
        aggregation: "sum" as const,
        goal: 100,
        redFlag: 80,
        ownerId: ownUserId(principal),
      };
      switch (scope) {
        case "own":
          return base;
        case "otherTeam":
          return { ...base, ownerId: f.userId.jordan };
        case "otherOrg":
          return { ...base, strategicObjectiveId: f.globex.strategicObjectiveId };
        case "private":
          return {
            ...base,
            kind: "ratio" as const,
            inputAId: sc().kpiId[principal],
            inputBId: sc().archivedKpiId[principal],
          };
      }
    },
    verify: async (created, _cell, input) => {
      expect(created).toMatchObject({ name: input.name, version: 1 });
      expect((await demoKpiIds()).has(created.id)).toBe(true);
    },
  },
  "kpis.update": {
    input: async (cell) => {
      const kpiId = kpiFor(cell);
      return {
        kpiId,
        version: await kpiVersion(kpiId),
        description: `Described by the matrix: ${cell.principal}, ${cell.scope}`,
      };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toEqual({ id: input.kpiId, version: input.version + 1 });
    },
  },
  "kpis.archive": {
    input: async (cell) => {
      const kpiId = await freshKpi(cell);
      return { kpiId, version: await kpiVersion(kpiId) };
    },
    verify: (archived, _cell, input) => {
      expect(archived?.id).toBe(input.kpiId);
      expect(archived?.archivedAt).toBeInstanceOf(Date);
    },
  },
  "kpis.setTarget": {
    input: (cell) => ({ kpiId: kpiFor(cell), periodStart: "2026-04-15", goal: 120, redFlag: 90 }),
    verify: (target) => {
      expect(target).toMatchObject({ periodStart: "2026-04-01", goal: 120, redFlag: 90 });
    },
  },
  "kpis.removeTarget": {
    // A target to remove is set first (Northwind's KPIs only).
    input: async (cell) => {
      const kpiId = kpiFor(cell);
      if (cell.scope !== "otherOrg") {
        await db
          .insert(kpiTargets)
          .values({ organizationId: f.demoOrgId, kpiId, periodStart: "2026-01-01", goal: 110, redFlag: 85 })
          .onConflictDoNothing();
      }
      return { kpiId, periodStart: "2026-02-10" };
    },
    verify: (result) => {
      expect(result).toEqual({ periodStart: "2026-01-01", removed: true });
    },
  },
  "benchmarks.upsert": {
    input: (cell) => ({ kpiId: kpiFor(cell), source: "Matrix Contoso", periodStart: "2026-07-10", value: 40 }),
    verify: (benchmark, _cell, input) => {
      expect(benchmark).toMatchObject({ kpiId: input.kpiId, source: "Matrix Contoso", periodStart: "2026-07-01" });
    },
  },
  "benchmarks.remove": {
    input: async (cell) => ({ benchmarkId: await freshBenchmark(cell) }),
    verify: (result, _cell, input) => {
      expect(result).toEqual({ id: input.benchmarkId, removed: true });
    },
  },
  "kpiActuals.save": {
    input: (cell) => ({ kpiId: kpiFor(cell), values: [{ periodStart: "2026-07-01", value: 50 }] }),
    verify: (result) => {
      expect(result.created + result.updated + result.unchanged).toBe(1);
    },
  },
  "kpiActuals.previewImport": {
    input: async (cell) => {
      beforePreview = await writeFingerprint(db);
      return { csv: actualsCsv(cell, 55) };
    },
    // A row the principal may not import is a row error, not a refusal; nothing is written either way.
    verify: async (preview, { principal, scope }) => {
      expect(preview.rows).toHaveLength(1);
      const importable = expectedOutcome("kpiActuals.import", principal, scope) === "allow";
      expect(preview.counts.error).toBe(importable ? 0 : 1);
      expect(await writeFingerprint(db), "a preview wrote something").toEqual(beforePreview);
    },
  },
  "kpiActuals.import": {
    input: (cell) => ({ csv: actualsCsv(cell, 56) }),
    verify: (result) => {
      expect(result.created + result.updated + result.unchanged).toBe(1);
    },
  },

  "campaigns.list": {
    verify: async (page) => {
      const ours = await demoCampaignIds();
      expect(page.campaigns.length).toBeGreaterThan(0);
      for (const c of page.campaigns) expect(ours.has(c.id)).toBe(true);
    },
  },
  "campaigns.calendar": {
    input: () => ({ from: "2026-07-01", to: "2026-07-31" }),
    verify: async (result, { principal }) => {
      const ours = await demoCampaignIds();
      expect(result.campaigns.map((c) => c.id)).toEqual(expect.arrayContaining(Object.values(cf.byTeam)));
      for (const c of result.campaigns) {
        expect(ours.has(c.id)).toBe(true);
        // What the calendar offers to drag is what move allows.
        const scope =
          c.id === cf.noTeam ? "private" : c.teamId === f.teamId[PRINCIPAL[principal].team] ? "own" : "otherTeam";
        if (c.id === cf.byTeam.Sales || c.id === cf.noTeam || c.teamId === f.teamId[PRINCIPAL[principal].team]) {
          expect(c.canManage).toBe(expectedOutcome("campaigns.move", principal, scope) === "allow");
        }
      }
    },
  },
  "campaigns.dashboard": {
    input: () => ({ period: "2026-07-15" }),
    verify: (dashboard) => {
      expect(dashboard.quarter.start).toBe("2026-07-01");
      expect(dashboard.months).toHaveLength(3);
    },
  },
  "campaigns.get": {
    input: (cell) => ({ campaignId: campaignFor(cell) }),
    verify: (campaign, cell, input) => {
      expect(campaign.id).toBe(input.campaignId);
      expect(campaign.canManage).toBe(expectedOutcome("campaigns.update", cell.principal, cell.scope) === "allow");
    },
  },
  "campaigns.create": {
    input: (cell) => ({
      name: uniqueName("Matrix new campaign"),
      channel: "content" as const,
      ownerId: ownUserId(cell.principal),
      teamId: campaignTeamFor(cell),
      startsOn: "2026-08-03",
      endsOn: "2026-08-16",
      currency: "EUR" as const,
    }),
    verify: async (created, _cell, input) => {
      expect(created).toMatchObject({ name: input.name, version: 1 });
      expect((await demoCampaignIds()).has(created.id)).toBe(true);
    },
  },
  "campaigns.update": {
    input: async (cell) => {
      const campaignId = campaignFor(cell);
      return { campaignId, version: await campaignVersion(campaignId), utmSource: `Matrix ${cell.principal}` };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toMatchObject({ id: input.campaignId, version: input.version + 1 });
    },
  },
  "campaigns.move": {
    input: async (cell) => {
      const campaignId = campaignFor(cell);
      return { campaignId, version: await campaignVersion(campaignId), startsOn: "2026-07-13", endsOn: "2026-08-02" };
    },
    verify: (moved, _cell, input) => {
      expect(moved).toEqual({
        id: input.campaignId,
        version: input.version + 1,
        startsOn: "2026-07-13",
        endsOn: "2026-08-02",
      });
    },
  },
  "campaigns.saveResults": {
    input: (cell) => ({
      campaignId: campaignFor(cell),
      currency: "EUR" as const,
      values: [{ periodStart: "2026-07-01", spend: 12_000, conversions: 4, revenue: 30_000 }],
    }),
    verify: (result) => {
      expect(result.created + result.updated + result.unchanged).toBe(1);
    },
  },
  "campaigns.previewImport": {
    input: async (cell) => {
      beforePreview = await writeFingerprint(db);
      return { csv: campaignCsv(cell, "150.25") };
    },
    verify: async (preview, { principal, scope }) => {
      expect(preview.rows).toHaveLength(1);
      const importable = expectedOutcome("campaigns.import", principal, scope) === "allow";
      expect(preview.counts.error).toBe(importable ? 0 : 1);
      expect(await writeFingerprint(db), "a preview wrote something").toEqual(beforePreview);
    },
  },
  "campaigns.import": {
    input: (cell) => ({ csv: campaignCsv(cell, "160.75") }),
    verify: (result) => {
      expect(result.created + result.updated + result.unchanged).toBe(1);
    },
  },
  "calendarFeed.status": {
    verify: (status) => {
      expect(typeof status.exists).toBe("boolean");
    },
  },
  "calendarFeed.rotate": {
    verify: (feed) => {
      expect(feed.path).toMatch(/^\/api\/calendar\/mcal_[A-Za-z0-9_-]{43}\.ics$/);
    },
  },
  "calendarFeed.revoke": {
    verify: (result) => {
      expect(result).toEqual({ revoked: true });
    },
  },

  "apiTokens.list": {
    // Never the secret nor its hash.
    verify: async (tokens) => {
      const text = JSON.stringify(tokens);
      const hashes = await db.select({ hash: apiTokens.tokenHash }).from(apiTokens);
      for (const { hash } of hashes) expect(text).not.toContain(hash);
      const ours = await demoTokenIds();
      for (const token of tokens) {
        expect(ours.has(token.id)).toBe(true);
        expect(Object.keys(token)).not.toContain("tokenHash");
      }
      expect(tokens.map((t) => t.id)).toContain(sc().revokedTokenId);
    },
  },
  "apiTokens.create": {
    input: ({ principal, scope }) => ({
      name: `Matrix token of the ${principal} (${scope})`,
      scopes: ["kpis:write", "okrs:read"],
      expiresOn: "2999-12-31",
    }),
    // The secret is shown once; the database keeps only its SHA-256, in Northwind, with its scopes and expiry.
    verify: async (created) => {
      expect(created.token.startsWith(`mrd_${created.prefix}`)).toBe(true);
      const [row] = await db
        .select({
          organizationId: apiTokens.organizationId,
          hash: apiTokens.tokenHash,
          scopes: apiTokens.scopes,
          expiresAt: apiTokens.expiresAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.id, created.id));
      expect(row?.organizationId).toBe(f.demoOrgId);
      expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.scopes).toEqual(["kpis:write", "okrs:read"]);
      expect(row?.expiresAt).toEqual(new Date("3000-01-01T00:00:00Z"));
    },
  },
  "apiTokens.revoke": {
    input: async (cell) => ({ tokenId: await freshToken(cell) }),
    verify: (result, _cell, input) => {
      expect(result.id).toBe(input.tokenId);
      expect(result.revokedAt).toBeInstanceOf(Date);
    },
  },

  "webhooks.list": {
    // Northwind's endpoints, never a secret.
    verify: async (endpoints) => {
      const ours = await demoWebhookIds();
      for (const e of endpoints) expect(ours.has(e.id)).toBe(true);
      expect(endpoints.map((e) => e.id)).toContain(wf.endpointId);
      expect(JSON.stringify(endpoints)).not.toContain("whsec_");
    },
  },
  "webhooks.get": {
    input: (cell) => ({ endpointId: webhookFor(cell) }),
    verify: (endpoint, _cell, input) => {
      expect(endpoint.id).toBe(input.endpointId);
      expect(JSON.stringify(endpoint)).not.toContain("whsec_");
    },
  },
  "webhooks.create": {
    input: ({ principal, scope }) => ({
      url: `${wf.receiverUrl}/matrix/${principal}/${scope}`,
      events: ["checkin.created" as const],
    }),
    verify: async (created) => {
      expect(created.secret).toMatch(/^whsec_/);
      expect((await demoWebhookIds()).has(created.id)).toBe(true);
    },
  },
  "webhooks.update": {
    input: async (cell) => {
      const endpointId = cell.scope === "otherOrg" ? f.globex.webhookEndpointId : await freshWebhook();
      return {
        endpointId,
        version: 1,
        url: `${wf.receiverUrl}/matrix/updated`,
        events: ["review.finalized" as const],
        description: `Matrix ${cell.principal}`,
        target: "standard" as const,
        enabled: true,
      };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toMatchObject({ id: input.endpointId, version: 2, events: ["review.finalized"] });
    },
  },
  "webhooks.remove": {
    input: async (cell) => ({
      endpointId: cell.scope === "otherOrg" ? f.globex.webhookEndpointId : await freshWebhook(),
    }),
    verify: (removed, _cell, input) => {
      expect(removed.id).toBe(input.endpointId);
    },
  },
  "webhooks.rotateSecret": {
    input: async (cell) => ({
      endpointId: cell.scope === "otherOrg" ? f.globex.webhookEndpointId : await freshWebhook(),
    }),
    verify: (rotated, _cell, input) => {
      expect(rotated.id).toBe(input.endpointId);
      expect(rotated.secret).toMatch(/^whsec_/);
    },
  },
  "webhooks.deliveries": {
    input: (cell) => ({ endpointId: webhookFor(cell) }),
    verify: (page, cell) => {
      if (cell.scope === "own") expect(page.items.map((d) => d.id)).toContain(wf.deliveryId);
    },
  },
  "webhooks.delivery": {
    input: (cell) => ({ deliveryId: cell.scope === "otherOrg" ? f.globex.webhookDeliveryId : wf.deliveryId }),
    verify: (delivery, _cell, input) => {
      expect(delivery.id).toBe(input.deliveryId);
    },
  },
  "webhooks.resend": {
    input: (cell) => ({ deliveryId: cell.scope === "otherOrg" ? f.globex.webhookDeliveryId : wf.deliveryId }),
    verify: (resent) => {
      expect(resent).toMatchObject({ state: "pending", eventId: wf.eventId });
    },
  },
  "webhooks.sendTest": {
    input: async (cell) => ({
      endpointId: cell.scope === "otherOrg" ? f.globex.webhookEndpointId : await freshWebhook(),
    }),
    verify: (result) => {
      expect(result).toMatchObject({ state: "succeeded", attempt: { statusCode: 200 } });
    },
  },

  "reviews.list": {
    verify: (list, { principal }) => {
      const ids = list.map((r) => r.id);
      expect(ids).toContain(sc().reviewId.finalizedOrg);
      if (principal === "viewer") expect(list.every((r) => r.status === "finalized")).toBe(true);
      else expect(ids).toContain(sc().reviewId.openOrg);
    },
  },
  "reviews.get": {
    input: (cell) => ({ reviewId: reviewToRead(cell) }),
    verify: (review, { principal }, input) => {
      expect(review.id).toBe(input.reviewId);
      if (principal === "viewer") expect(review.status).toBe("finalized");
      expect(review.canEdit).toBe(review.status === "open" && (principal === "manager" || principal === "admin"));
    },
  },
  "reviews.outline": {
    input: (cell) => ({ reviewId: reviewToRead(cell) }),
    verify: (review, { principal }, input) => {
      expect(review.id).toBe(input.reviewId);
      if (principal === "viewer") expect(review.status).toBe("finalized");
      expect(review.outline.scorecard.perspectives.length).toBeGreaterThan(0);
      expect(review).not.toHaveProperty("snapshot");
    },
  },
  "reviews.kpis": {
    input: (cell) => ({ reviewId: reviewToRead(cell), objectiveId: null }),
    verify: (page) => expect(page.kpis.length).toBe(Math.min(page.total, 50)),
  },
  "reviews.okrs": {
    input: (cell) => ({ reviewId: reviewToRead(cell) }),
    verify: (page) => expect(page.okrs.length).toBe(Math.min(page.total, 25)),
  },
  "reviews.subjects": {
    input: (cell) => ({ reviewId: reviewToRead(cell) }),
    verify: (subjects) => expect(subjects.some((s) => s.subjectType === "perspective")).toBe(true),
  },
  "reviews.compare": {
    input: (cell) => ({ reviewId: reviewToRead(cell) }),
    // This quarter's organization review compares with last quarter's.
    verify: (comparison, { scope }) => {
      if (scope === "private") expect(comparison.previous?.id).toBe(sc().reviewId.finalizedOrg);
    },
  },
  "reviews.openable": {
    // Last quarter's organization review is taken; the pair offered next is not.
    verify: async (openable) => {
      const [reviewed] = await db
        .select({ cycleId: reviews.cycleId })
        .from(reviews)
        .where(eq(reviews.id, sc().reviewId.finalizedOrg));
      expect(openable.reviewed).toContainEqual({ cycleId: reviewed?.cycleId, teamId: null });
      const { next } = openable;
      if (next) expect(openable.reviewed).not.toContainEqual(next);
    },
  },
  "reviews.open": {
    // own and otherTeam: a fresh cycle for one's team or Sales; otherOrg: a Globex cycle;
    // private: last quarter's cycle for the whole organization, reviewed already.
    input: async (cell) => {
      switch (cell.scope) {
        case "own":
          return {
            cycleId: (await freshCycle("open")).cycleId,
            teamId: f.teamId[PRINCIPAL[cell.principal].team],
          };
        case "otherTeam":
          return { cycleId: (await freshCycle("open")).cycleId, teamId: f.teamId.Sales };
        case "otherOrg":
          return { cycleId: f.globex.planningCycleId };
        case "private": {
          const [reviewed] = await db
            .select({ cycleId: reviews.cycleId })
            .from(reviews)
            .where(eq(reviews.id, sc().reviewId.finalizedOrg));
          if (!reviewed) throw new Error("no finalized review");
          return { cycleId: reviewed.cycleId, teamId: null };
        }
      }
    },
    verify: (opened) => {
      expect(opened.version).toBe(1);
    },
  },
  "reviews.comment": {
    input: async (cell) => {
      const reviewId = reviewToWrite(cell);
      return {
        reviewId,
        ...(await reviewSubject(reviewId)),
        body: `Matrix commentary of the ${cell.principal} (${cell.scope})`,
      };
    },
    verify: (commentary, _cell, input) => {
      expect(commentary?.body).toBe(input.body);
    },
  },
  "reviews.finalize": {
    input: async (cell) => {
      const reviewId = await freshOpenReview(cell);
      return { reviewId, version: await reviewVersion(reviewId) };
    },
    verify: (finalized, _cell, input) => {
      expect(finalized).toMatchObject({ id: input.reviewId, status: "finalized" });
    },
  },
  "correctiveActions.create": {
    input: async (cell) => {
      const reviewId = reviewToWrite(cell);
      return {
        reviewId,
        ...(await reviewSubject(reviewId)),
        title: `Matrix action of the ${cell.principal} (${cell.scope})`,
        ownerId: cell.scope === "otherTeam" ? f.userId.jordan : ownUserId(cell.principal),
        dueOn: "2026-12-15",
      };
    },
    verify: async (created) => {
      expect((await demoActionIds()).has(created.id)).toBe(true);
    },
  },
  "correctiveActions.update": {
    input: async (cell) => ({ actionId: await freshAction(cell), version: 1, status: "in_progress" }),
    verify: (updated, _cell, input) => {
      expect(updated).toEqual({ id: input.actionId, version: 2 });
    },
  },
  "correctiveActions.listOpen": {
    // Viewers read finalized reviews only, and so only their actions.
    verify: async (actions, { principal }) => {
      const ours = await demoActionIds();
      const finalized = new Set(await finalizedReviewIds());
      for (const action of actions) {
        expect(ours.has(action.id)).toBe(true);
        expect(["open", "in_progress"]).toContain(action.status);
        if (principal === "viewer") expect(finalized.has(action.reviewId)).toBe(true);
      }
      expect(actions.length).toBeGreaterThan(0);
      if (principal !== "viewer") expect(actions.some((a) => !finalized.has(a.reviewId))).toBe(true);
    },
  },

  "experiments.list": {
    verify: (page) => {
      expect(page.experiments.length).toBeGreaterThan(0);
      expect(page.experiments.map((e) => e.id)).not.toContain(globexExperiment.id);
    },
  },
  "experiments.running": {
    verify: (page) => {
      expect(page.experiments.every((e) => e.status === "running")).toBe(true);
    },
  },
  "experiments.get": {
    input: async (cell) => ({ experimentId: (await experimentFor(cell)).id }),
    verify: (page, cell) => {
      expect(page.canEdit).toBe(expectedOutcome("experiments.update", cell.principal, cell.scope) === "allow");
    },
  },
  "experiments.create": {
    input: (cell) => ({
      name: uniqueName("Matrix created experiment"),
      ownerId: ownUserId(cell.principal),
      teamId:
        cell.scope === "otherTeam"
          ? f.teamId.Sales
          : cell.scope === "otherOrg"
            ? f.globex.teamId
            : f.teamId[PRINCIPAL[cell.principal].team],
      kpiId: cell.scope === "private" ? f.globex.kpiId : null,
      minimumDetectableEffect: 10,
      variants: [
        { name: "Control", weight: 1 },
        { name: "Treatment B", weight: 1 },
      ],
    }),
    verify: (created) => {
      expect(created.version).toBe(1);
    },
  },
  "experiments.update": {
    input: async (cell) => {
      const { id } = await experimentFor(cell);
      return { experimentId: id, version: await experimentVersion(id), hypothesis: `Matrix ${cell.principal}` };
    },
    verify: (updated, _cell, input) => {
      expect(updated).toEqual({ id: input.experimentId, version: input.version + 1 });
    },
  },
  "experiments.setStatus": {
    input: async (cell) => {
      const { id } = await experimentFor(cell, "draft");
      return { experimentId: id, version: await experimentVersion(id), status: "running" as const };
    },
    verify: (updated) => {
      expect(updated.status).toBe("running");
    },
  },
  "experiments.conclude": {
    input: async (cell) => {
      const { id } = await experimentFor(cell, "running");
      return {
        experimentId: id,
        version: await experimentVersion(id),
        decision: "inconclusive" as const,
        reason: "The matrix says so",
      };
    },
    verify: (updated) => {
      expect(updated).toMatchObject({ status: "concluded", decision: "inconclusive" });
    },
  },
  "experiments.saveResults": {
    input: async (cell) => {
      const e = await experimentFor(cell);
      return {
        experimentId: e.id,
        metricId: e.metricId,
        rows: [{ variantId: e.controlId, day: "2026-07-02", exposures: 100, conversions: 9 }],
      };
    },
    verify: (result) => {
      expect(result.created + result.updated + result.unchanged).toBe(1);
    },
  },
  "experiments.previewImport": {
    input: async (cell) => {
      beforePreview = await writeFingerprint(db);
      return { experimentId: (await experimentFor(cell)).id, csv: experimentCsv("2026-07-03") };
    },
    verify: async (preview) => {
      expect(preview.counts.error).toBe(0);
      expect(await writeFingerprint(db), "a preview wrote something").toEqual(beforePreview);
    },
  },
  "experiments.importResults": {
    input: async (cell) => ({ experimentId: (await experimentFor(cell)).id, csv: experimentCsv("2026-07-04") }),
    verify: (result) => {
      expect(result.created + result.updated + result.unchanged).toBe(1);
    },
  },

  "notifications.inbox": {
    // Every cell leaves one unread notification for the principal and one for Jordan first.
    input: async ({ principal }) => {
      await freshNotification(ownUserId(principal));
      await freshNotification(f.userId.jordan);
      return { limit: 50 };
    },
    verify: async (page, { principal }) => {
      expect(page.items.length).toBeGreaterThan(0);
      const owners = await notificationOwners(page.items.map((i) => i.id));
      expect(new Set(owners)).toEqual(new Set([`${f.demoOrgId}:${ownUserId(principal)}`]));
    },
  },
  "notifications.unreadCount": {
    input: async ({ principal }) => {
      await freshNotification(ownUserId(principal));
      return undefined;
    },
    verify: (count) => {
      expect(count.unread).toBeGreaterThan(0);
    },
  },
  "notifications.markRead": {
    input: async (cell) => ({ ids: [await notificationFor(cell)] }),
    verify: async (result, { scope }, input) => {
      const [id] = input.ids;
      expect(result).toEqual({ marked: scope === "own" ? 1 : 0 });
      const [row] = await db
        .select({ readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.id, id ?? ""));
      expect(row?.readAt === null).toBe(scope !== "own");
    },
  },
  "notifications.markAllRead": {
    input: async ({ principal }) => {
      await freshNotification(ownUserId(principal));
      await freshNotification(f.userId.jordan);
      return undefined;
    },
    verify: async (result, { principal }) => {
      expect(result.marked).toBeGreaterThan(0);
      const caller = await callerFor(db, PRINCIPAL[principal].email ?? "");
      expect(await caller.notifications.unreadCount()).toEqual({ unread: 0 });
      expect(await unreadOf(f.userId.jordan)).toBeGreaterThan(0);
    },
  },
  "notifications.myPreferences": {
    verify: (prefs, { principal }) => {
      const kinds = prefs.kinds.map((k) => k.kind);
      expect(kinds.includes("weekly_digest")).toBe(principal === "manager" || principal === "admin");
      expect(kinds).toContain("mention");
    },
  },
  "notifications.setMyPreferences": {
    input: ({ scope }) => ({ choices: [{ kind: "mention", channel: "email", enabled: scope === "own" }] }),
    verify: (prefs, _cell, input) => {
      const mention = prefs.kinds.find((k) => k.kind === "mention");
      expect(mention?.channels.email).toMatchObject({ enabled: input.choices[0]?.enabled, source: "mine" });
    },
  },
  "notifications.organizationDefaults": {
    verify: (defaults) => {
      expect(defaults.kinds.map((k) => k.kind)).toContain("weekly_digest");
    },
  },
  "notifications.setOrganizationDefaults": {
    input: ({ scope }) => ({ choices: [{ kind: "review_opened", channel: "email", enabled: scope === "own" }] }),
    verify: (defaults, _cell, input) => {
      const row = defaults.kinds.find((k) => k.kind === "review_opened");
      expect(row?.channels.email).toMatchObject({ enabled: input.choices[0]?.enabled, source: "organization" });
    },
  },
  "notifications.checkInSchedule": {
    verify: (schedule) => {
      expect(schedule.weekday).toBeGreaterThanOrEqual(1);
      expect(schedule.weekday).toBeLessThanOrEqual(7);
    },
  },
  "notifications.setCheckInSchedule": {
    input: async ({ scope }) => {
      const [org] = await db
        .select({ version: organizations.version })
        .from(organizations)
        .where(eq(organizations.id, f.demoOrgId));
      return { weekday: SCOPES.indexOf(scope) + 1, time: "08:30", reminderAfterDays: 2, version: org?.version ?? 1 };
    },
    verify: (schedule, _cell, input) => {
      expect(schedule).toMatchObject({ weekday: input.weekday, time: "08:30" });
    },
  },
};

/** An unread notification of a Northwind person, straight into the table (its producers are tested elsewhere). */
async function freshNotification(userId: string, organizationId = f.demoOrgId): Promise<string> {
  const [row] = await db
    .insert(notifications)
    .values({
      organizationId,
      userId,
      kind: "mention",
      dedupeKey: `matrix:${randomUUID()}`,
      title: "Matrix notification",
      link: "/my",
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("notification was not created");
  return row.id;
}

/** The notification a markRead cell names: the principal's own, Jordan's, a Globex member's, Ravi's. */
function notificationFor({ principal, scope }: Cell): Promise<string> {
  switch (scope) {
    case "own":
      return freshNotification(ownUserId(principal));
    case "otherTeam":
      return freshNotification(f.userId.jordan);
    case "otherOrg":
      return freshNotification(f.globex.member.id, f.globex.organizationId);
    case "private":
      return freshNotification(f.userId.ravi);
  }
}

async function notificationOwners(ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ organizationId: notifications.organizationId, userId: notifications.userId })
    .from(notifications)
    .where(inArray(notifications.id, ids));
  return found.map((r) => `${r.organizationId}:${r.userId}`);
}

async function unreadOf(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------
// The run

const routerPaths = Object.keys(appRouter._def.procedures).sort() as ProcedurePath[];
const tablePaths = Object.keys(EXPECTED).sort();
const scenarioPaths = Object.keys(SCENARIOS).sort();
const CELLS = routerPaths.length * PRINCIPALS.length * SCOPES.length;

/**
 * A caller per cell, resolved from a fresh session the way the app does per request. The account's
 * procedures get a recorded session (a row in user_sessions, as sign-in writes it), which they are
 * about; the others the plain claims, so that scenarios fingerprinting the database before the
 * caller exists (the previews) see no sign-in row appear.
 */
async function callerForCell({ principal, scope }: Cell, path?: ProcedurePath): Promise<Caller> {
  const requestedOrganizationId = scope === "otherOrg" ? f.globex.organizationId : null;
  const email = PRINCIPAL[principal].email;
  if (!email) return createCaller(createContext({ db, user: null, requestedOrganizationId }));
  if (path?.startsWith("account.")) return (await sessionCallerFor(db, email, requestedOrganizationId)).caller;
  return callerFor(db, email, requestedOrganizationId);
}

/** A fresh signed-in session of `email`, as the login records it. */
async function sessionIdOf(email: string): Promise<string> {
  const { sessionId } = await openSessionFor(db, email);
  if (!sessionId) throw new Error("no session id");
  return sessionId;
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
  const forbidden = [
    ...f.leaks.secret,
    ...f.leaks.otherOrg,
    ...(principal === "admin" ? [] : [...f.leaks.private, ...f.leaks.draft]),
  ];
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
          const caller = await callerForCell(cell, path);
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
