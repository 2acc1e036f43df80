import { type Executor, rows, sql } from "@meridian/db";
import {
  type ExperimentDecision,
  expectedByNow,
  kpiScore,
  kpiStatus,
  type ProgressStatus,
  periodLabel,
  progressStatus,
  type WebhookEventData,
} from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";
import { cycleInstants } from "../okr/cycles.queries";
import { appLink, emitWebhookEvent, emitWebhookEvents } from "./emit";

/*
 * The producers' side of the webhook events: each reads what its event
 * carries (only when some endpoint takes it) and emits it in the caller's
 * transaction. The commands that make the changes call one of these.
 */

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** `checkin.created`, with the key result, its objective and the author by name. */
export function emitCheckInCreated(
  tx: Executor,
  organizationId: string,
  checkIn: {
    id: string;
    keyResultId: string;
    authorId: string | null;
    value: number;
    confidence: number | null;
    comment: string;
    createdAt: Date;
  },
) {
  return emitWebhookEvent(tx, organizationId, "checkin.created", async () => {
    const [facts] = rows<{ krTitle: string; objectiveId: string; objectiveTitle: string; authorName: string | null }>(
      await tx.execute(sql`
        select kr.title as "krTitle", o.id as "objectiveId", o.title as "objectiveTitle",
          (select u.name from users u where u.id = ${checkIn.authorId}) as "authorName"
        from key_results kr join objectives o on o.organization_id = kr.organization_id and o.id = kr.objective_id
        where kr.organization_id = ${organizationId} and kr.id = ${checkIn.keyResultId}
      `),
    );
    if (!facts) return null;
    return {
      checkIn: {
        id: checkIn.id,
        value: checkIn.value,
        confidence: checkIn.confidence,
        comment: checkIn.comment,
        createdAt: checkIn.createdAt.toISOString(),
      },
      keyResult: { id: checkIn.keyResultId, title: facts.krTitle },
      objective: { id: facts.objectiveId, title: facts.objectiveTitle },
      author: person(checkIn.authorId, facts.authorName),
      url: appLink(`/objectives/${facts.objectiveId}`),
    } satisfies WebhookEventData<"checkin.created">;
  });
}

/** An objective's rollup as stored before a write and as computed after it. */
export interface RollupFigures {
  progress: number;
  hasData: boolean;
  lowestConfidence: number | null;
}

export interface ObjectiveBefore extends RollupFigures {
  id: string;
  /** Only active objectives have a status to speak of; drafts, closed and archived ones are left out. */
  status: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

/**
 * `objective.status_changed` for each objective whose progress status (on
 * track, at risk, off track, no data: the app's own `progressStatus` against
 * the cycle's elapsed fraction) differs before and after a rollup refresh.
 * Only the objectives the refresh touched are compared; no read is needed.
 */
export function emitObjectiveStatusChanges(
  tx: Executor,
  organizationId: string,
  before: readonly ObjectiveBefore[],
  after: ReadonlyMap<string, RollupFigures>,
  now = new Date(),
) {
  const changed: WebhookEventData<"objective.status_changed">[] = [];
  for (const o of before) {
    const next = after.get(o.id);
    if (!next || o.status !== "active") continue;
    const { start, end } = cycleInstants(o.startsOn, o.endsOn);
    const expected = expectedByNow(start, end, now);
    const status = (f: RollupFigures): ProgressStatus => progressStatus(f, expected, f.lowestConfidence);
    const [was, is] = [status(o), status(next)];
    if (was === is) continue;
    changed.push({
      objective: { id: o.id, title: o.title },
      status: is,
      previousStatus: was,
      progress: next.progress,
      expected,
      url: appLink(`/objectives/${o.id}`),
    });
  }
  if (changed.length === 0) return Promise.resolve([]);
  return emitWebhookEvents(tx, organizationId, "objective.status_changed", changed);
}

interface KpiFacts {
  id: string;
  name: string;
  frequency: "weekly" | "monthly" | "quarterly";
  goal: number;
  redFlag: number;
  latest: string | null;
  targets: { periodStart: string; goal: number; redFlag: number }[] | null;
}

/**
 * `kpi.status_changed` when a written value changes the colour of its KPI's
 * latest period (red, amber, green; no data before the first value), scored
 * as the app scores it: the period's own target when it has one, else the
 * KPI's goal and red flag. Computed KPIs are left out, as for `kpi_turned_red`.
 */
export function emitKpiStatusChanges(
  tx: Executor,
  event: {
    organizationId: string;
    changes: readonly { kpiId: string; periodStart: string; before: number | null; after: number | null }[];
  },
) {
  const written = event.changes.filter((c) => c.after !== null && c.after !== c.before);
  if (written.length === 0) return Promise.resolve([]);
  return emitWebhookEvents(tx, event.organizationId, "kpi.status_changed", async () => {
    const kpiIds = [...new Set(written.map((c) => c.kpiId))];
    const facts = rows<KpiFacts>(
      await tx.execute(sql`
        select k.id, k.name, k.frequency, k.goal, k.red_flag as "redFlag",
          (select max(a.period_start)::text from kpi_actuals a
            where a.organization_id = k.organization_id and a.kpi_id = k.id) as latest,
          (select json_agg(json_build_object('periodStart', t.period_start, 'goal', t.goal, 'redFlag', t.red_flag))
            from kpi_targets t where t.organization_id = k.organization_id and t.kpi_id = k.id) as targets
        from kpis k
        where k.organization_id = ${event.organizationId} and k.id = any(${sqlArray(kpiIds, "uuid")})
          and k.kind = 'manual' and k.archived_at is null`),
    );
    const byKpi = new Map(written.map((c) => [`${c.kpiId}|${c.periodStart}`, c]));
    const events: WebhookEventData<"kpi.status_changed">[] = [];
    for (const kpi of facts) {
      if (!kpi.latest) continue;
      const change = byKpi.get(`${kpi.id}|${kpi.latest}`);
      if (!change) continue;
      const target = kpi.targets?.find((t) => t.periodStart === kpi.latest);
      const goal = target?.goal ?? kpi.goal;
      const redFlag = target?.redFlag ?? kpi.redFlag;
      const score = kpiScore(change.after, goal, redFlag);
      const status = kpiStatus(score);
      const previousStatus = kpiStatus(kpiScore(change.before, goal, redFlag));
      if (status === previousStatus) continue;
      events.push({
        kpi: { id: kpi.id, name: kpi.name },
        period: { start: kpi.latest, label: periodLabel(kpi.latest, kpi.frequency) },
        status,
        previousStatus,
        value: change.after,
        previousValue: change.before,
        score,
        url: appLink(`/kpis/${kpi.id}`),
      });
    }
    return events;
  });
}

async function personNamed(tx: Executor, userId: string) {
  const [found] = rows<{ name: string }>(await tx.execute(sql`select name from users where id = ${userId}`));
  return found ? { id: userId, name: found.name } : null;
}

/** `review.finalized`, with who finalized it and how many corrective actions it froze. */
export function emitReviewFinalized(
  tx: Executor,
  organizationId: string,
  event: { review: { id: string; title: string }; actorId: string; correctiveActions: number },
) {
  return emitWebhookEvent(tx, organizationId, "review.finalized", async () => ({
    review: event.review,
    finalizedBy: await personNamed(tx, event.actorId),
    correctiveActions: event.correctiveActions,
    url: appLink(`/reviews/${event.review.id}`),
  }));
}

/** `experiment.concluded`, with the decision and its reason as recorded. */
export function emitExperimentConcluded(
  tx: Executor,
  organizationId: string,
  event: {
    experiment: { id: string; name: string };
    decision: ExperimentDecision;
    reason: string;
    actorId: string;
  },
) {
  return emitWebhookEvent(tx, organizationId, "experiment.concluded", async () => ({
    experiment: event.experiment,
    decision: event.decision,
    reason: event.reason,
    concludedBy: await personNamed(tx, event.actorId),
    url: appLink(`/experiments/${event.experiment.id}`),
  }));
}
