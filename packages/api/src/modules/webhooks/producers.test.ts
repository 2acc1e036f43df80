import { randomUUID } from "node:crypto";
import { and, asc, eq, rows, sql, webhookDeliveries } from "@meridian/db";
import { WEBHOOK_EVENT_DATA_SCHEMAS, WEBHOOK_EVENTS, type WebhookEvent, type WebhookEventData } from "@meridian/domain";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createCycle,
  createKeyResult,
  createObjective,
  createQuarterlyKpi,
  createReviewOrganization,
  type ReviewOrganization,
  useTestDatabase,
} from "../../../test/support";
import { formatSlackMessage } from "./slack";

/*
 * Each producer emits its event in the transaction of the change it is
 * about, to the endpoints subscribed to it, with `data` matching the
 * documented schema; a change that does not move a status emits nothing.
 */

const database = useTestDatabase();
let org: ReviewOrganization;
let hookAll: string;
let hookKpiOnly: string;
let hookOther: string;

beforeAll(async () => {
  vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
  vi.stubEnv("NEXTAUTH_URL", "https://meridian.example.test");
  org = await createReviewOrganization(database.db);
  const admin = await org.as("admin");
  hookAll = (await admin.webhooks.create({ url: "http://127.0.0.1:9/all", events: [...WEBHOOK_EVENTS] })).id;
  hookKpiOnly = (await admin.webhooks.create({ url: "http://127.0.0.1:9/kpi", events: ["kpi.status_changed"] })).id;
  // Another organization's endpoint, subscribed to everything: it must never get this organization's events.
  const other = await createReviewOrganization(database.db);
  hookOther = (
    await (await other.as("admin")).webhooks.create({ url: "http://127.0.0.1:9/other", events: [...WEBHOOK_EVENTS] })
  ).id;
});

/** The events queued for an endpoint since `since`, of one type, oldest first, with their data checked. */
async function events<E extends WebhookEvent>(endpointId: string, type: E, since: Date) {
  const found = await database.db
    .select({ eventId: webhookDeliveries.eventId, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.eventType, type),
        sql`${webhookDeliveries.createdAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
  return found.map((d) => {
    expect(d.payload).toMatchObject({ type, timestamp: expect.any(String) });
    return { eventId: d.eventId, data: WEBHOOK_EVENT_DATA_SCHEMAS[type].parse(d.payload.data) as WebhookEventData<E> };
  });
}

const dbNow = async () => {
  const [row] = rows<{ now: string }>(await database.db.execute(sql`select now()::text as now`));
  return new Date(row?.now ?? 0);
};

describe("webhook producers", () => {
  it("kpi.status_changed when a value changes the latest period's colour, once per change", async () => {
    const since = await dbNow();
    const kpi = await createQuarterlyKpi(database.db, org, org.growth.id, { "2026-07-01": 95 });
    const admin = await org.as("admin");
    // A new latest quarter: no data → red.
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-10-01", value: 70 }] });
    // Red → green.
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-10-01", value: 100 }] });
    // Green → green, and an older quarter: no event.
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-10-01", value: 101 }] });
    await admin.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: "2026-07-01", value: 10 }] });

    for (const endpointId of [hookAll, hookKpiOnly]) {
      const sent = (await events(endpointId, "kpi.status_changed", since)).filter((e) => e.data.kpi.id === kpi.id);
      expect(sent.map((e) => [e.data.previousStatus, e.data.status, e.data.value])).toEqual([
        ["no_data", "red", 70],
        ["red", "green", 100],
      ]);
      expect(sent[0]?.data).toMatchObject({
        kpi: { id: kpi.id, name: kpi.name },
        period: { start: "2026-10-01", label: "Q4 2026" },
        previousValue: null,
        url: `https://meridian.example.test/kpis/${kpi.id}`,
      });
    }
    // One event id per change, shared by the endpoints that take it.
    const [a] = await events(hookAll, "kpi.status_changed", since);
    const [b] = await events(hookKpiOnly, "kpi.status_changed", since);
    expect(a?.eventId).toBe(b?.eventId);
  });

  it("objective.status_changed when a check-in moves an objective's status, not when it stays", async () => {
    const since = await dbNow();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    // Five ninths of the cycle gone: 50 % is on track, 0 % off track.
    const cycle = await createCycle(database.db, org.organization.id, { startsOn: day(-50), endsOn: day(39) });
    const scope = { organizationId: org.organization.id, cycleId: cycle.id, ownerId: org.member.id };
    const objective = await createObjective(database.db, scope, { title: "Ship the mobile app" });
    const keyResult = await createKeyResult(database.db, {
      organizationId: org.organization.id,
      objectiveId: objective.id,
      ownerId: org.member.id,
    });
    const member = await org.as("member");
    const checkIn = (value: number, confidence: number) =>
      member.checkIns.create({ keyResultId: keyResult.id, value, confidence, idempotencyKey: randomUUID() });
    await checkIn(50, 8); // no data → on track
    await checkIn(55, 8); // on track → on track
    await checkIn(55, 2); // low confidence: on track → at risk
    await checkIn(0, 8); // off track
    const sent = (await events(hookAll, "objective.status_changed", since)).filter(
      (e) => e.data.objective.id === objective.id,
    );
    expect(sent.map((e) => [e.data.previousStatus, e.data.status])).toEqual([
      ["no_data", "on_track"],
      ["on_track", "at_risk"],
      ["at_risk", "off_track"],
    ]);
    expect(sent[0]?.data).toMatchObject({ objective: { title: "Ship the mobile app" }, progress: 0.5 });
    expect(sent[0]?.data.expected).toBeCloseTo(50 / 90, 1);
    // Four check-ins, four checkin.created events; nothing for an endpoint not subscribed to them.
    const checkIns = (await events(hookAll, "checkin.created", since)).filter(
      (e) => e.data.keyResult.id === keyResult.id,
    );
    expect(checkIns).toHaveLength(4);
    expect(await events(hookKpiOnly, "checkin.created", since)).toEqual([]);
  });

  it("review.finalized with who finalized it", async () => {
    const since = await dbNow();
    const manager = await org.as("manager");
    const review = await manager.reviews.open({ cycleId: org.cycles.q4.id });
    await manager.reviews.finalize({ reviewId: review.id, version: review.version });
    const [sent] = await events(hookAll, "review.finalized", since);
    expect(sent?.data).toEqual({
      review: { id: review.id, title: review.title },
      finalizedBy: { id: org.manager.id, name: expect.any(String) },
      correctiveActions: 0,
      url: `https://meridian.example.test/reviews/${review.id}`,
    });
  });

  it("experiment.concluded with the decision and its reason", async () => {
    const since = await dbNow();
    const admin = await org.as("admin");
    const made = await admin.experiments.create({
      name: "Checkout button colour",
      ownerId: org.admin.id,
      teamId: org.teams.marketing.id,
      minimumDetectableEffect: 10,
      baselineRate: 10,
      variants: [
        { name: "Control", weight: 50 },
        { name: "Green button", weight: 50 },
      ],
    });
    const running = await admin.experiments.setStatus({ experimentId: made.id, version: 1, status: "running" });
    await admin.experiments.conclude({
      experimentId: made.id,
      version: running.version,
      decision: "keep_control",
      reason: "No difference after four weeks",
    });
    const [sent] = await events(hookAll, "experiment.concluded", since);
    expect(sent?.data).toEqual({
      experiment: { id: made.id, name: "Checkout button colour" },
      decision: "keep_control",
      reason: "No difference after four weeks",
      concludedBy: { id: org.admin.id, name: expect.any(String) },
      url: `https://meridian.example.test/experiments/${made.id}`,
    });
  });

  it("never queues one organization's events for another's endpoints", async () => {
    const theirs = await database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hookOther));
    expect(theirs).toEqual([]);
  });
});

describe("Slack messages", () => {
  const url = "https://meridian.example.test/x";
  const id = "11111111-1111-4111-8111-111111111111";
  const samples: Record<WebhookEvent, Record<string, unknown>> = {
    "checkin.created": {
      checkIn: { id, value: 42, confidence: 6, comment: "Good <week>", createdAt: "2026-12-04T10:00:00Z" },
      keyResult: { id, title: "Qualified leads" },
      objective: { id, title: "Grow pipeline" },
      author: { id, name: "Mia Park" },
      url,
    },
    "objective.status_changed": {
      objective: { id, title: "Grow pipeline" },
      status: "at_risk",
      previousStatus: "on_track",
      progress: 0.25,
      expected: 0.5,
      url,
    },
    "kpi.status_changed": {
      kpi: { id, name: "Net revenue" },
      period: { start: "2026-10-01", label: "Q4 2026" },
      status: "red",
      previousStatus: "amber",
      value: 70,
      previousValue: 85,
      score: 1.67,
      url,
    },
    "review.finalized": {
      review: { id, title: "Q4 2026 review — Acme" },
      finalizedBy: { id, name: "Ada Admin" },
      correctiveActions: 2,
      url,
    },
    "experiment.concluded": {
      experiment: { id, name: "Checkout" },
      decision: "ship_winner",
      reason: "Green button: +12 %",
      concludedBy: null,
      url,
    },
  };
  const expected: Record<WebhookEvent, string> = {
    "checkin.created": "Check-in created: Mia Park checked in on Qualified leads",
    "objective.status_changed": "Objective status changed: Grow pipeline is now At risk (was On track)",
    "kpi.status_changed": "KPI status changed: Net revenue turned Red for Q4 2026 (was Amber)",
    "review.finalized": "Review finalized: Q4 2026 review — Acme was finalized by Ada Admin",
    "experiment.concluded": "Experiment concluded: Checkout was concluded: Ship the winner",
  };

  it.each(WEBHOOK_EVENTS)("formats %s as a readable message with the app link", (type) => {
    // The samples are what the producers send.
    WEBHOOK_EVENT_DATA_SCHEMAS[type].parse(samples[type]);
    const message = formatSlackMessage({ type, timestamp: "2026-12-04T10:00:00Z", data: samples[type] });
    expect(message.text).toBe(expected[type]);
    expect(message.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain(`<${url}|`);
    expect(shown).not.toMatch(/<week>/);
  });

  it("says what an event of an unknown shape is instead of failing", () => {
    expect(formatSlackMessage({ type: "checkin.created", data: { nothing: true } }).text).toBe(
      "Check-in created: Event checkin.created",
    );
    expect(formatSlackMessage({ type: "webhook.test", data: { message: "Hello" } }).text).toBe("Test event: Hello");
  });
});
