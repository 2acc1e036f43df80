import { and, checkIns, cycles, desc, eq, keyResults, objectives, type SQL, sql, users } from "@meridian/db";
import { canSeeObjective, expectedByNow, type ZCheckInListSchema, type ZKeyResultIdSchema } from "@meridian/domain";
import { z } from "zod";
import { badRequest, notFound } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { cycleColumns, toCycleView } from "./cycles.queries";
import { type KeyResultView, toKeyResultView } from "./objective-summaries";

/**
 * One active key result the viewer may see, with its progress and status worked out as every list
 * works them out, and its objective's facts: one statement. Another organization's, an archived
 * one, or one on an objective the viewer may not see is NOT_FOUND.
 */
export async function getKeyResult(
  scope: ViewerScope,
  input: z.output<typeof ZKeyResultIdSchema>,
): Promise<{ keyResult: KeyResultView; expected: number }> {
  const found = await visibleKeyResult(scope, input.keyResultId);
  const cycle = toCycleView(found.cycle);
  const expected = expectedByNow(cycle.start, cycle.end, new Date());
  const { objective, cycle: _, ...row } = found;
  return { keyResult: toKeyResultView(scope.viewer, cycle, expected, objective, row), expected };
}

async function visibleKeyResult(scope: ViewerScope, keyResultId: string) {
  const [row] = await scope.db
    .select({
      id: keyResults.id,
      objectiveId: keyResults.objectiveId,
      version: keyResults.version,
      gradeOverride: keyResults.gradeOverride,
      gradeReason: keyResults.gradeReason,
      title: keyResults.title,
      type: keyResults.type,
      startValue: keyResults.startValue,
      targetValue: keyResults.targetValue,
      currentValue: keyResults.currentValue,
      currentConfidence: keyResults.currentConfidence,
      lastCheckInAt: keyResults.lastCheckInAt,
      unit: keyResults.unit,
      unitLabel: keyResults.unitLabel,
      weight: keyResults.weight,
      ownerId: keyResults.ownerId,
      ownerName: users.name,
      objective: {
        ownerId: objectives.ownerId,
        teamId: objectives.teamId,
        visibility: objectives.visibility,
        status: objectives.status,
      },
      cycle: cycleColumns,
    })
    .from(keyResults)
    .innerJoin(users, eq(users.id, keyResults.ownerId))
    .innerJoin(
      objectives,
      and(eq(objectives.organizationId, keyResults.organizationId), eq(objectives.id, keyResults.objectiveId)),
    )
    .innerJoin(cycles, and(eq(cycles.organizationId, objectives.organizationId), eq(cycles.id, objectives.cycleId)))
    .where(
      and(
        eq(keyResults.organizationId, scope.org.id),
        eq(keyResults.id, keyResultId),
        sql`${keyResults.archivedAt} is null`,
        sql`${objectives.status} <> 'archived'`,
      ),
    )
    .limit(1);
  if (!row || !canSeeObjective(scope.viewer, row.objective)) throw notFound("No such key result.");
  return row;
}

export interface CheckInView {
  id: string;
  keyResultId: string;
  value: number;
  confidence: number;
  comment: string;
  author: { id: string; name: string };
  createdAt: Date;
  editedAt: Date | null;
}

/**
 * A page of a visible key result's check-ins, newest first (by `seq`, the order they were
 * recorded in), read through the (organization, key result, seq) index: a page costs its rows.
 */
export async function listCheckIns(
  scope: ViewerScope,
  input: z.output<typeof ZCheckInListSchema>,
): Promise<{ checkIns: CheckInView[]; nextCursor: string | null }> {
  await visibleKeyResult(scope, input.keyResultId);
  const rows = await scope.db
    .select({
      id: checkIns.id,
      keyResultId: checkIns.keyResultId,
      seq: checkIns.seq,
      value: checkIns.value,
      confidence: checkIns.confidence,
      comment: checkIns.comment,
      authorId: checkIns.authorId,
      authorName: users.name,
      createdAt: checkIns.createdAt,
      editedAt: checkIns.editedAt,
    })
    .from(checkIns)
    .innerJoin(users, eq(users.id, checkIns.authorId))
    .where(
      and(
        eq(checkIns.organizationId, scope.org.id),
        eq(checkIns.keyResultId, input.keyResultId),
        beforeSeq(input.cursor),
      ),
    )
    .orderBy(desc(checkIns.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    checkIns: page.map(({ seq: _, authorId, authorName, ...c }) => ({
      ...c,
      author: { id: authorId, name: authorName },
    })),
    nextCursor: rows.length > input.limit && last ? encodeSeqCursor(last.seq) : null,
  };
}

/* A check-in page's cursor is the last check-in's `seq`, opaque to the client. */
const ZSeqCursor = z.object({ s: z.number().int().min(1).max(2_147_483_647) });

function encodeSeqCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString("base64url");
}

/** Check-ins older than the cursor's; a cursor that is not ours is a 400. */
function beforeSeq(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  let key: z.infer<typeof ZSeqCursor> | undefined;
  try {
    key = ZSeqCursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).data;
  } catch {
    key = undefined;
  }
  if (!key) throw badRequest("This page link is not valid any more; start from the first page.");
  return sql`${checkIns.seq} < ${key.s}`;
}
