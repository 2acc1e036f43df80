import { activityLog, and, desc, eq, gte, lt, type SQL, sql, users } from "@meridian/db";
import { ZAuditQuerySchema, ZId } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { orgProcedure, router } from "../../trpc";

const DAY_MS = 86_400_000;

interface Cursor {
  createdAt: string;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    const at = typeof parsed.createdAt === "string" ? Date.parse(parsed.createdAt) : Number.NaN;
    // Within the years Postgres timestamps hold, and an id shaped like a uuid.
    const inRange = at >= Date.UTC(1900, 0, 1) && at < Date.UTC(3000, 0, 1);
    if (
      typeof parsed.createdAt === "string" &&
      typeof parsed.id === "string" &&
      inRange &&
      ZId.safeParse(parsed.id).success
    ) {
      return { createdAt: parsed.createdAt, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw new TRPCError({ code: "BAD_REQUEST", message: "That page position is not valid; start from the first page." });
}

export const auditRouter = router({
  /** The activity log, newest first, filtered by who, what kind of thing, and when. */
  list: orgProcedure("audit.read")
    .input(ZAuditQuerySchema)
    .query(async ({ ctx, input }) => {
      const filters: SQL[] = [eq(activityLog.organizationId, ctx.org.id)];
      if (input.actorId) filters.push(eq(activityLog.actorId, input.actorId));
      if (input.entityType) filters.push(eq(activityLog.entityType, input.entityType));
      if (input.from) filters.push(gte(activityLog.createdAt, new Date(`${input.from}T00:00:00Z`)));
      if (input.to) filters.push(lt(activityLog.createdAt, new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS)));
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor);
        // Compared in SQL at the database's full (microsecond) precision.
        filters.push(
          sql`(${activityLog.createdAt}, ${activityLog.id}::text) < (${cursor.createdAt}::timestamptz, ${cursor.id})`,
        );
      }
      const rows = await ctx.db
        .select({
          id: activityLog.id,
          createdAt: activityLog.createdAt,
          action: activityLog.action,
          entityType: activityLog.entityType,
          entityId: activityLog.entityId,
          details: activityLog.details,
          actorId: activityLog.actorId,
          actorName: users.name,
          // The exact instant, to the microsecond, for the next page's cursor (a JS Date keeps only milliseconds).
          position: sql<string>`to_char(${activityLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        })
        .from(activityLog)
        .leftJoin(users, eq(users.id, activityLog.actorId))
        .where(and(...filters))
        .orderBy(desc(activityLog.createdAt), desc(sql`${activityLog.id}::text`))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        entries: page.map(({ position: _, ...entry }) => entry),
        nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null,
      };
    }),

  /** The values the filters offer: entity types seen in this organization's log. */
  entityTypes: orgProcedure("audit.read").query(async ({ ctx }) => {
    const rows = await ctx.db
      .selectDistinct({ entityType: activityLog.entityType })
      .from(activityLog)
      .where(eq(activityLog.organizationId, ctx.org.id))
      .orderBy(activityLog.entityType);
    return rows.map((r) => r.entityType);
  }),
});
