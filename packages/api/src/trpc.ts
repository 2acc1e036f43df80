import type { SessionUser } from "@meridian/auth";
import { type Database, isDatabaseUnavailable } from "@meridian/db";
import { type ApiScope, can, type Permission, type Viewer } from "@meridian/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, z } from "zod";
import { AppError } from "./lib/errors";
import {
  findMembership,
  foldsMembership,
  learnFolding,
  type Membership,
  membershipFromRow,
  membershipRider,
  membershipsSeen,
  type OrganizationScope,
  rememberMembership,
} from "./lib/membership";
import { withRider } from "./lib/shaped-statement";
import { DATABASE_UNAVAILABLE_MESSAGE } from "./lib/unavailable";
import { toViewer } from "./lib/viewer";

export interface Context {
  db: Database;
  /** The signed-in user, already re-read from the database; null for a visitor. */
  user: SessionUser | null;
  /** The organization the user chose (cookie); the first membership is used when absent. */
  requestedOrganizationId: string | null;
  /**
   * A REST API call (`/api/v1`): its Authorization header, checked by `apiProcedure`, and its route
   * for the audit log. Absent on the app's own calls, which are signed in by a session instead.
   */
  rest?: {
    authorization: string | null;
    method: string;
    path: string;
    /** The success status a REST procedure chose (201 for something new); 200 when left unset. */
    status?: number;
  };
}

export function createContext(input: Context): Context {
  return input;
}

/** A procedure's metadata; `openapi` places a REST procedure at its route (trpc-to-openapi). */
export type Meta = OpenApiMeta<{
  /** Reachable by someone who must still replace a temporary password. */
  allowTemporaryPassword?: boolean;
  /** A REST procedure's API token scope, set by `apiProcedure`: the OpenAPI document names it per route. */
  requiredScope?: ApiScope;
  /**
   * A REST POST that records something: 201 with it when new, 200 with the first one when the
   * request repeats an earlier one (the same idempotency key). Documented as both.
   */
  restCreates?: boolean;
}>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // No transformer: answers are plain JSON (dates as ISO strings), see ADR 0014.
    errorFormatter({ shape, error, input }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const appError = error.cause instanceof AppError ? error.cause : null;
      const wrongInput = zodError ? wrongInputMessage(zodError, input) : null;
      return {
        ...shape,
        data: {
          ...shape.data,
          // Validation messages per field, so forms can show them inline.
          fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : (appError?.fieldErrors ?? null),
          // On an edit conflict, what the record holds now.
          current: appError?.current ?? null,
        },
        ...(zodError && { message: zodError.issues.map((i) => i.message).join(" ") }),
        ...(appError?.fieldErrors && { message: Object.values(appError.fieldErrors).flat().join(" ") }),
        ...(wrongInput && { message: wrongInput }),
        // A request tRPC could not read (JavaScript's own error as the cause) says so in our words.
        ...(isUnreadableRequest(error) && { message: "The request could not be read: send the input as JSON." }),
        // An unexpected failure says so without its details (SQL, parameters); those go to the server log.
        ...(error.code === "INTERNAL_SERVER_ERROR" && {
          message: "Something went wrong on our side. Try again, and tell your administrator if it keeps happening.",
        }),
      };
    },
  });

/**
 * The message for an input that is not even the right kind of value (null, a
 * list or a number where an object belongs, or nothing at all): zod's own
 * ("Invalid input: expected object, received null") names JavaScript types.
 */
function wrongInputMessage(zodError: ZodError, input: unknown): string | null {
  const issue = zodError.issues.find((i) => i.path.length === 0);
  if (issue?.code !== "invalid_type") return null;
  if (issue.expected !== "object") return "This call's input is not of the kind it takes.";
  if (input === undefined) return "This call needs an input: a JSON object.";
  return `This call's input must be a JSON object, not ${kindOf(input)}.`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return "a number";
  if (typeof value === "string") return "text";
  if (typeof value === "boolean") return "true or false";
  return "that";
}

function isUnreadableRequest(error: TRPCError): boolean {
  const cause = error.cause;
  return (
    (error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR") &&
    (cause instanceof SyntaxError || cause instanceof TypeError || cause instanceof RangeError)
  );
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The one place where failures become the statuses a client can act on (one middleware, not
 * one per kind: each level of tRPC's middleware chain copies the call's options and context):
 * - the modules' own errors (AppError) keep their code and message;
 * - a unique index refusing a row (two identical requests at once) is a conflict, not a server error;
 * - a database that is down, restarting or too slow is a 503 the client may retry, not a 500:
 *   nothing is wrong with the request.
 */
const failuresAsStatuses = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (isUniqueViolation(cause)) {
    throw new TRPCError({
      code: "CONFLICT",
      message: "That already exists: it was probably just created. Reload and check.",
    });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(cause)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause });
  }
  return result;
});

export { DATABASE_UNAVAILABLE_MESSAGE };

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export const publicProcedure = t.procedure.use(failuresAsStatuses);

/**
 * Signed in: `ctx.user` is no longer nullable. Someone holding a temporary
 * password may only replace it until they have.
 */
export const authedProcedure = publicProcedure.use(({ ctx, meta, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  if (ctx.user.mustChangePassword && !meta?.allowTemporaryPassword) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Change your temporary password first." });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export { findMembership, loadMembership, type OrganizationScope } from "./lib/membership";

/** What a handler behind `orgProcedure` receives. */
export type OrgContext = Context & { user: SessionUser; org: OrganizationScope };

/**
 * A member of the current organization holding `permission`. Fails closed:
 * no membership, an unknown role or a missing permission is FORBIDDEN.
 * `ctx.org` carries the organization every query must be scoped by.
 *
 * Every request re-reads its membership, and a query does not wait for it: when this process saw
 * the user's membership before and it allowed the query, the handler starts on that one, and the
 * membership is read again inside the handler's first shaped statement (ADR 0031) or, for a
 * handler that has none, beside it (ADR 0030). The answer is served only if the membership read
 * now is the same; otherwise it is dropped and the handler runs again on the fresh one (or the
 * request is refused). Reads then cost one statement, not two; mutations always wait.
 */
export function orgProcedure(permission: Permission) {
  return authedProcedure.use(async ({ ctx, next, type, path }) => {
    const key = `${ctx.user.id}:${ctx.requestedOrganizationId ?? ""}`;
    const guess = type === "query" ? membershipsSeen(ctx.db).get(key) : undefined;
    const early = guess && can(guess.membership.org.role, permission) ? guess : undefined;
    let fresh: Membership | null | undefined;
    if (early && foldsMembership(path)) {
      // The membership is read again inside the handler's first statement (ADR 0031).
      const rider = membershipRider(ctx.db, ctx.user.id, ctx.requestedOrganizationId);
      const answer = await withRider(rider, () =>
        next({ ctx: { ...ctx, ...withViewer(ctx.user.id, early.membership) } }),
      );
      learnFolding(path, rider.claimed, answer.ok);
      // No row (a requested organization left, which falls back to the first one, or an answer with no
      // rows to carry it): findMembership reads it.
      fresh =
        (rider.claimed ? membershipFromRow(rider.row) : null) ??
        (await findMembership(ctx.db, ctx.user.id, ctx.requestedOrganizationId));
      if (fresh && JSON.stringify(fresh) === early.json) return answer;
    } else if (early) {
      // A handler whose statements cannot carry it: the membership is read beside it (ADR 0030).
      const reading = findMembership(ctx.db, ctx.user.id, ctx.requestedOrganizationId);
      const answer = next({ ctx: { ...ctx, ...withViewer(ctx.user.id, early.membership) } });
      fresh = await reading;
      if (fresh && JSON.stringify(fresh) === early.json) return answer;
    } else {
      fresh = await findMembership(ctx.db, ctx.user.id, ctx.requestedOrganizationId);
    }
    rememberMembership(ctx.db, key, fresh);
    if (!fresh) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this organization." });
    if (!can(fresh.org.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next({ ctx: { ...ctx, ...withViewer(ctx.user.id, fresh) } });
  });
}

/** The membership with the viewer the visibility rules take (`ctx.viewer`): the caller's role and teams. */
function withViewer(userId: string, { org, teams, cycles }: Membership) {
  return { org, teams, cycles, viewer: toViewer(org.role, userId, teams) };
}

/** What a handler behind `viewerProcedure` receives: the org context plus the viewer's role and teams. */
export type ViewerContext = OrgContext & { viewer: Viewer };

/**
 * `orgProcedure` for reads and writes that the visibility rules decide: `ctx.viewer` carries the
 * caller's role and teams, read with the membership (every `orgProcedure` has it; the name says
 * the handler relies on it).
 */
export const viewerProcedure = orgProcedure;
