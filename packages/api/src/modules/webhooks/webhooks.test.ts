import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  activityLog,
  and,
  asc,
  count,
  eq,
  inArray,
  notifications,
  sql,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from "@meridian/db";
import {
  WEBHOOK_EVENT_DATA_SCHEMAS,
  WEBHOOK_LOG_RETENTION_DAYS,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  type WebhookEvent,
} from "@meridian/domain";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  callerFor,
  clientErrorOf,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  expectRejectedUntouched,
  outcomeOf,
  useTestDatabase,
} from "../../../test/support";
import { deliverPendingWebhooks, pruneWebhookLog } from "../../jobs/deliver-webhooks";
import { renderNotificationEmail } from "../../mail/render";
import { emitWebhookEvent } from "./emit";

/*
 * Webhooks end to end: a real HTTP receiver on 127.0.0.1 (allowed by
 * MERIDIAN_WEBHOOKS_ALLOW_PRIVATE=1, as in development) verifies every
 * delivery with the standardwebhooks library's own verifier.
 */

const database = useTestDatabase();
let orgId: string;
let otherOrgId: string;
const people = {} as Record<"admin" | "manager" | "member" | "viewer" | "admin2", { id: string; email: string }>;
const as = (who: keyof typeof people) => callerFor(database.db, people[who].email, orgId);

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: unknown;
  error: string | null;
}

/** The receiver: answers each path with its scripted statuses in turn (then 200), verifying each request. */
const received: Received[] = [];
const scripts = new Map<string, number[]>();
const secrets = new Map<string, string>();
let server: Server;
let base: string;

function verify(path: string, headers: IncomingHttpHeaders, body: string): { verified: unknown; error: string | null } {
  const secret = secrets.get(path);
  if (!secret) return { verified: null, error: "no secret for this path" };
  try {
    const flat = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
    return { verified: new Webhook(secret).verify(body, flat), error: null };
  } catch (error) {
    return { verified: null, error: String(error) };
  }
}

const at = (path: string) => received.filter((r) => r.path === path);

beforeAll(async () => {
  vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
  vi.stubEnv("NEXTAUTH_URL", "https://meridian.example.test");
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body, ...verify(path, req.headers, body) });
      const status = scripts.get(path)?.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "ok" : `status ${status} from the test receiver`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const db = database.db;
  orgId = (await createOrganization(db)).id;
  otherOrgId = (await createOrganization(db)).id;
  for (const role of ["admin", "manager", "member", "viewer"] as const) {
    people[role] = await createMember(db, orgId, role);
  }
  people.admin2 = await createMember(db, orgId, "admin");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(() => {
  vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
});

let pathSeq = 0;
/** A new endpoint at a path of its own on the receiver. */
async function endpoint(events: WebhookEvent[], options: { target?: "standard" | "slack"; script?: number[] } = {}) {
  const path = `/hook-${++pathSeq}`;
  if (options.script) scripts.set(path, [...options.script]);
  const admin = await as("admin");
  const created = await admin.webhooks.create({
    url: `${base}${path}`,
    events,
    target: options.target ?? "standard",
    description: `Test ${path}`,
  });
  secrets.set(path, created.secret);
  return { ...created, path };
}

/** A fresh objective with one key result (0 → 100) that the member owns, in an open cycle a third gone. */
async function okr() {
  const db = database.db;
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
  const cycle = await createCycle(db, orgId, { startsOn: day(-30), endsOn: day(59) });
  const objective = await createObjective(
    db,
    { organizationId: orgId, cycleId: cycle.id, ownerId: people.member.id },
    { title: `Grow <the> pipeline ${pathSeq}` },
  );
  const keyResult = await createKeyResult(
    db,
    { organizationId: orgId, objectiveId: objective.id, ownerId: people.member.id },
    { title: "Qualified leads" },
  );
  return { cycle, objective, keyResult };
}

async function checkIn(keyResultId: string, value: number, confidence = 7) {
  const member = await as("member");
  return member.checkIns.create({
    keyResultId,
    value,
    confidence,
    comment: "Weekly update",
    idempotencyKey: randomUUID(),
  });
}

async function deliveriesOf(endpointId: string) {
  return database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
}

/** Makes every pending delivery due now, as if its backoff had passed. */
async function makeDue() {
  await database.db.execute(sql`update webhook_deliveries set next_attempt_at = now() where state = 'pending'`);
}

describe("webhooks router", () => {
  it("creates an endpoint whose secret is shown once, never listed, and audited without it", async () => {
    const admin = await as("admin");
    const created = await admin.webhooks.create({
      url: `${base}/router`,
      events: ["checkin.created", "kpi.status_changed"],
      description: "  Data team  ",
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created).toMatchObject({ status: "active", target: "standard", description: "Data team", version: 1 });
    // The library takes the secret as it is shown.
    expect(() => new Webhook(created.secret)).not.toThrow();

    const list = await admin.webhooks.list();
    const entry = list.find((e) => e.id === created.id);
    expect(entry).toMatchObject({
      url: `${base}/router`,
      pending: 0,
      succeeded: 0,
      failed: 0,
      lastDeliveryState: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(JSON.stringify(await admin.webhooks.get({ endpointId: created.id }))).not.toContain(created.secret);

    const rotated = await admin.webhooks.rotateSecret({ endpointId: created.id });
    expect(rotated.secret).not.toBe(created.secret);
    const [stored] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(stored?.secret).toBe(rotated.secret);

    const audit = await database.db.select().from(activityLog).where(eq(activityLog.entityId, created.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook_endpoint.created", "webhook_endpoint.secret_rotated"]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
    expect(JSON.stringify(audit)).not.toContain(rotated.secret);
  });

  it("updates with the version read; a stale version, an unknown event or a bad URL change nothing", async () => {
    const admin = await as("admin");
    const created = await admin.webhooks.create({ url: `${base}/edit`, events: ["checkin.created"] });
    const input = {
      endpointId: created.id,
      version: 1,
      url: `${base}/edited`,
      events: ["review.finalized" as const],
      description: "Reviews only",
      target: "standard" as const,
      enabled: true,
    };
    const updated = await admin.webhooks.update(input);
    expect(updated).toMatchObject({ version: 2, url: `${base}/edited`, events: ["review.finalized"] });

    const stale = await expectRejectedUntouched(database.db, "CONFLICT", () => admin.webhooks.update(input));
    expect(stale.message).toMatch(/Someone else changed this webhook endpoint/);
    const unknown = await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      admin.webhooks.update({ ...input, version: 2, events: ["objective.deleted" as "review.finalized"] }),
    );
    expect(clientErrorOf(unknown, "webhooks.update").shape.data.fieldErrors).toMatchObject({
      events: ["That is not an event Meridian sends."],
    });
    for (const url of ["not a url", "ftp://example.com/hook", ""]) {
      await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
        admin.webhooks.create({ url, events: ["checkin.created"] }),
      );
    }
    await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      admin.webhooks.create({ url: `${base}/x`, events: [] }),
    );
    await expectRejectedUntouched(database.db, "NOT_FOUND", () =>
      admin.webhooks.update({ ...input, version: 2, endpointId: "00000000-0000-4000-8000-000000000000" }),
    );

    // Turning it off skips what it still had pending, and records who did.
    await database.db.insert(webhookDeliveries).values({
      organizationId: orgId,
      endpointId: created.id,
      eventId: "msg_manual",
      eventType: "review.finalized",
      payload: { type: "review.finalized", timestamp: new Date().toISOString(), data: {} },
    });
    const off = await admin.webhooks.update({ ...input, version: 2, enabled: false });
    expect(off).toMatchObject({ status: "disabled", statusReason: "Turned off by an admin.", version: 3 });
    expect((await deliveriesOf(created.id)).map((d) => d.state)).toEqual(["skipped"]);
    const on = await admin.webhooks.update({ ...input, version: 3, enabled: true });
    expect(on).toMatchObject({ status: "active", statusReason: null, failingSince: null });

    await admin.webhooks.remove({ endpointId: created.id });
    expect(await deliveriesOf(created.id)).toEqual([]);
    await expectRejectedUntouched(database.db, "NOT_FOUND", () => admin.webhooks.remove({ endpointId: created.id }));
  });

  it("refuses private, loopback and metadata URLs at create and update unless allowed; nothing is written", async () => {
    const admin = await as("admin");
    const allowed = await admin.webhooks.create({ url: `${base}/later-private`, events: ["checkin.created"] });
    vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "0");
    for (const url of [
      `${base}/private`,
      "http://localhost:9/hook",
      "http://[::1]/hook",
      "http://169.254.169.254/latest/meta-data/",
      "https://10.0.0.8/hook",
      "http://192.168.1.1/hook",
      "http://[fd00::1]/hook",
      "http://100.64.1.1/hook",
    ]) {
      const error = await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
        admin.webhooks.create({ url, events: ["checkin.created"] }),
      );
      expect(
        (clientErrorOf(error, "webhooks.create").shape.data.fieldErrors as Record<string, string[]> | null)?.url?.[0],
        url,
      ).toMatch(/^Webhooks cannot be sent to /);
    }
    await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      admin.webhooks.update({
        endpointId: allowed.id,
        version: allowed.version,
        url: "http://127.0.0.2/elsewhere",
        events: ["checkin.created"],
        description: "",
        target: "standard",
        enabled: true,
      }),
    );

    // And at delivery time: an endpoint saved while allowed is not sent to once it is not.
    await database.db.transaction((tx) =>
      emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]),
    );
    const before = received.length;
    await deliverPendingWebhooks(database.db);
    expect(received.length).toBe(before);
    const [delivery] = await deliveriesOf(allowed.id);
    expect(delivery).toMatchObject({ state: "pending", attempts: 1, lastStatusCode: null });
    expect(delivery?.lastError).toMatch(/^Not sent: Webhooks cannot be sent to 127\.0\.0\.1/);
    vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
    await admin.webhooks.remove({ endpointId: allowed.id });
  });

  it("is for admins only: other roles and other organizations get nothing", async () => {
    const target = await endpoint(["checkin.created"]);
    for (const who of ["manager", "member", "viewer"] as const) {
      const caller = await as(who);
      expect(await outcomeOf(() => caller.webhooks.list())).toBe("FORBIDDEN");
      await expectRejectedUntouched(database.db, "FORBIDDEN", () =>
        caller.webhooks.create({ url: `${base}/nope`, events: ["checkin.created"] }),
      );
      await expectRejectedUntouched(database.db, "FORBIDDEN", () =>
        caller.webhooks.rotateSecret({ endpointId: target.id }),
      );
    }
    const outsider = await createMember(database.db, otherOrgId, "admin");
    const other = await callerFor(database.db, outsider.email, otherOrgId);
    expect(await other.webhooks.list()).toEqual([]);
    expect(await outcomeOf(() => other.webhooks.get({ endpointId: target.id }))).toBe("NOT_FOUND");
    await expectRejectedUntouched(database.db, "NOT_FOUND", () => other.webhooks.remove({ endpointId: target.id }));
    await expectRejectedUntouched(database.db, "NOT_FOUND", () => other.webhooks.sendTest({ endpointId: target.id }));
  });
});

/** A valid `data` per event, for the formatter and for events emitted by hand. */
const sampleData = {
  "checkin.created": {
    checkIn: {
      id: "11111111-1111-4111-8111-111111111111",
      value: 42,
      confidence: 6,
      comment: "Good <week> & more",
      createdAt: "2026-12-04T10:00:00.000Z",
    },
    keyResult: { id: "22222222-2222-4222-8222-222222222222", title: "Qualified leads" },
    objective: { id: "33333333-3333-4333-8333-333333333333", title: "Grow pipeline" },
    author: { id: "44444444-4444-4444-8444-444444444444", name: "Mia Park" },
    url: "https://meridian.example.test/objectives/33333333-3333-4333-8333-333333333333",
  },
} as const;

describe("webhook deliveries", () => {
  // Each test starts with only the endpoints it makes: earlier ones are turned off, their leftovers skipped.
  beforeEach(async () => {
    await database.db.execute(sql`update webhook_endpoints set status = 'disabled' where status = 'active'`);
    await database.db.execute(sql`update webhook_deliveries set state = 'skipped' where state = 'pending'`);
  });

  it("signs a check-in's event; retries after two 500s with the backoff; logs three attempts and one success", async () => {
    const target = await endpoint(["checkin.created"], { script: [500, 500] });
    const { keyResult, objective } = await okr();
    const { checkIn: made } = await checkIn(keyResult.id, 30);

    const first = await deliverPendingWebhooks(database.db);
    expect(first).toMatchObject({ retried: 1, succeeded: 0 });
    let [delivery] = await deliveriesOf(target.id);
    expect(delivery).toMatchObject({ state: "pending", attempts: 1, lastStatusCode: 500 });
    const wait = ((delivery?.nextAttemptAt.getTime() ?? 0) - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(WEBHOOK_RETRY_DELAYS_SECONDS[0] - 5);
    expect(wait).toBeLessThanOrEqual(WEBHOOK_RETRY_DELAYS_SECONDS[0] + 1);
    // Not due yet: a tick now sends nothing.
    await deliverPendingWebhooks(database.db);
    expect(at(target.path)).toHaveLength(1);

    await makeDue();
    expect(await deliverPendingWebhooks(database.db)).toMatchObject({ retried: 1 });
    [delivery] = await deliveriesOf(target.id);
    const secondWait = ((delivery?.nextAttemptAt.getTime() ?? 0) - Date.now()) / 1000;
    expect(secondWait).toBeGreaterThan(WEBHOOK_RETRY_DELAYS_SECONDS[1] - 5);
    const [endpointRow] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, target.id));
    expect(endpointRow?.failingSince).toBeInstanceOf(Date);

    await makeDue();
    expect(await deliverPendingWebhooks(database.db)).toMatchObject({ succeeded: 1 });
    [delivery] = await deliveriesOf(target.id);
    expect(delivery).toMatchObject({ state: "succeeded", attempts: 3, lastStatusCode: 200, lastError: null });
    const [healed] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, target.id));
    expect(healed?.failingSince).toBeNull();

    // Three requests, each verified by the library, all with the same webhook-id.
    const requests = at(target.path);
    expect(requests).toHaveLength(3);
    for (const r of requests) {
      expect(r.error).toBeNull();
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["webhook-id"]).toBe(delivery?.eventId);
    }
    expect(delivery?.eventId).toMatch(/^msg_[0-9a-f-]{36}$/);
    const body = requests[2]?.verified as { type: string; timestamp: string; data: unknown };
    expect(body.type).toBe("checkin.created");
    expect(WEBHOOK_EVENT_DATA_SCHEMAS["checkin.created"].parse(body.data)).toEqual({
      checkIn: { id: made.id, value: 30, confidence: 7, comment: "Weekly update", createdAt: expect.any(String) },
      keyResult: { id: keyResult.id, title: "Qualified leads" },
      objective: { id: objective.id, title: objective.title },
      author: { id: people.member.id, name: expect.any(String) },
      url: `https://meridian.example.test/objectives/${objective.id}`,
    });

    // The log, through the router: the delivery, then its three attempts.
    const admin = await as("admin");
    const log = await admin.webhooks.deliveries({ endpointId: target.id });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      eventType: "checkin.created",
      state: "succeeded",
      attempts: 3,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    const detail = await admin.webhooks.delivery({ deliveryId: log.items[0]?.id ?? "" });
    expect(detail.attempts.map((a) => [a.attempt, a.statusCode, a.succeeded])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(detail.attempts[0]?.responseExcerpt).toBe("status 500 from the test receiver");
    expect(detail.attempts[0]?.error).toBe("The receiver answered 500.");
    const listed = (await admin.webhooks.list()).find((e) => e.id === target.id);
    expect(listed).toMatchObject({ succeeded: 1, pending: 0, lastDeliveryState: "succeeded", lastStatusCode: 200 });
  });

  it("delivers an event once however many workers tick at once", async () => {
    const target = await endpoint(["checkin.created"]);
    const { keyResult } = await okr();
    for (let i = 1; i <= 12; i++) await checkIn(keyResult.id, i * 5);
    const reports = await Promise.all([
      deliverPendingWebhooks(database.db, { batchSize: 3, concurrency: 2 }),
      deliverPendingWebhooks(database.db, { batchSize: 3, concurrency: 2 }),
      deliverPendingWebhooks(database.db, { batchSize: 3, concurrency: 2 }),
    ]);
    const requests = at(target.path);
    const ids = requests.map((r) => String(r.headers["webhook-id"]));
    expect(new Set(ids).size).toBe(12);
    expect(requests).toHaveLength(12);
    expect(reports.reduce((sum, r) => sum + r.succeeded, 0)).toBe(12);
    const [attempts] = await database.db
      .select({ n: count() })
      .from(webhookDeliveryAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookDeliveryAttempts.deliveryId))
      .where(eq(webhookDeliveries.endpointId, target.id));
    expect(attempts?.n).toBe(12);
    // And a repeated check-in request (same idempotency key) queues nothing more.
    expect((await deliveriesOf(target.id)).every((d) => d.state === "succeeded")).toBe(true);
  });

  it("sends nothing for a change that rolls back", async () => {
    const target = await endpoint(["checkin.created"]);
    await expect(
      database.db.transaction(async (tx) => {
        const id = await emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]);
        expect(id).toMatch(/^msg_/);
        throw new Error("the change failed after the event was emitted");
      }),
    ).rejects.toThrow("the change failed");
    expect(await deliveriesOf(target.id)).toEqual([]);
    await deliverPendingWebhooks(database.db);
    expect(at(target.path)).toEqual([]);
  });

  it("disables an endpoint that answers 410 and tells the organization's admins", async () => {
    const target = await endpoint(["checkin.created"], { script: [410] });
    await database.db.transaction(async (tx) => {
      await emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]);
      await emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]);
    });
    // One at a time: the first answer disables the endpoint before the second goes.
    await deliverPendingWebhooks(database.db, { batchSize: 1 });
    expect(at(target.path)).toHaveLength(1);
    const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, target.id));
    expect(row).toMatchObject({ status: "disabled" });
    expect(row?.statusReason).toMatch(/410 Gone/);
    expect((await deliveriesOf(target.id)).map((d) => [d.state, d.lastStatusCode])).toEqual([
      ["failed", 410],
      ["skipped", null],
    ]);
    const told = await database.db
      .select({ userId: notifications.userId, title: notifications.title, link: notifications.link })
      .from(notifications)
      .where(
        and(eq(notifications.kind, "webhook_paused"), sql`${notifications.payload}->>'endpointId' = ${target.id}`),
      );
    expect(told.map((n) => n.userId).sort()).toEqual([people.admin.id, people.admin2.id].sort());
    expect(told[0]?.title).toBe("Webhook to 127.0.0.1:" + new URL(base).port + " disabled");
    expect(told[0]?.link).toBe("/settings/webhooks");

    // The email of that notice reads sensibly.
    const email = await renderNotificationEmail(
      {
        kind: "webhook_paused",
        title: told[0]?.title ?? "",
        body: row?.statusReason ?? "",
        link: "/settings/webhooks",
        payload: {},
        userId: people.admin.id,
        organizationId: orgId,
        recipientName: "Ada",
        organizationName: "Test org",
      },
      { appUrl: "https://meridian.example.test", secret: "test-secret" },
    );
    expect(email.subject).toBe(told[0]?.title);
    expect(email.text).toContain("410 Gone");
    expect(email.text).toContain("Open webhook settings");
    expect(email.html).toContain("https://meridian.example.test/settings/webhooks");

    // Nothing new is queued for it until an admin turns it on again.
    await database.db.transaction((tx) =>
      emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]),
    );
    expect(await deliveriesOf(target.id)).toHaveLength(2);
  });

  it("pauses an endpoint failing for days, skips its pending deliveries and tells the admins", async () => {
    const target = await endpoint(["checkin.created"]);
    await database.db
      .update(webhookEndpoints)
      .set({ failingSince: sql`now() - interval '4 days'` })
      .where(eq(webhookEndpoints.id, target.id));
    await database.db.transaction((tx) =>
      emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]),
    );
    const report = await deliverPendingWebhooks(database.db);
    expect(report.paused).toBe(1);
    expect(at(target.path)).toEqual([]);
    const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, target.id));
    expect(row).toMatchObject({ status: "paused" });
    expect(row?.statusReason).toMatch(/failed for 3 days/);
    expect((await deliveriesOf(target.id)).map((d) => d.state)).toEqual(["skipped"]);
    const told = await database.db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(
        and(eq(notifications.kind, "webhook_paused"), sql`${notifications.payload}->>'endpointId' = ${target.id}`),
      );
    expect(told).toHaveLength(2);
    expect(told[0]?.title).toMatch(/ paused$/);
    const audit = await database.db
      .select({ action: activityLog.action })
      .from(activityLog)
      .where(eq(activityLog.entityId, target.id));
    expect(audit.map((a) => a.action)).toContain("webhook_endpoint.paused");

    // Resending to a paused endpoint is refused until it is turned on again; then it goes.
    const admin = await as("admin");
    const [skipped] = await deliveriesOf(target.id);
    await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      admin.webhooks.resend({ deliveryId: skipped?.id ?? "" }),
    );
    const current = await admin.webhooks.get({ endpointId: target.id });
    await admin.webhooks.update({
      endpointId: target.id,
      version: current.version,
      url: current.url,
      events: ["checkin.created"],
      description: current.description,
      target: "standard",
      enabled: true,
    });
    await admin.webhooks.resend({ deliveryId: skipped?.id ?? "" });
    await deliverPendingWebhooks(database.db);
    expect(at(target.path)).toHaveLength(1);
  });

  it("prunes finished deliveries past the log's retention with their attempts, never a pending one", async () => {
    const target = await endpoint(["checkin.created"], { script: [500] });
    for (let i = 0; i < 3; i++) {
      await database.db.transaction((tx) =>
        emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]),
      );
    }
    // The first answer is a 500: one delivery stays pending for its retry, two succeed.
    await deliverPendingWebhooks(database.db, { batchSize: 1, concurrency: 1 });
    const before = await deliveriesOf(target.id);
    expect(before.map((d) => d.state).sort()).toEqual(["pending", "succeeded", "succeeded"]);
    const [oldSucceeded, recentSucceeded] = before.filter((d) => d.state === "succeeded");
    const pending = before.find((d) => d.state === "pending");
    const past = sql`now() - make_interval(days => ${WEBHOOK_LOG_RETENTION_DAYS + 1})`;
    await database.db
      .update(webhookDeliveries)
      .set({ createdAt: past })
      .where(inArray(webhookDeliveries.id, [oldSucceeded?.id ?? "", pending?.id ?? ""]));

    expect(await pruneWebhookLog(database.db)).toBe(1);
    const after = await deliveriesOf(target.id);
    expect(after.map((d) => d.id).sort()).toEqual([pending?.id, recentSucceeded?.id].sort());
    const attempts = await database.db
      .select({ deliveryId: webhookDeliveryAttempts.deliveryId })
      .from(webhookDeliveryAttempts)
      .where(eq(webhookDeliveryAttempts.deliveryId, oldSucceeded?.id ?? ""));
    expect(attempts).toEqual([]);
    expect(await pruneWebhookLog(database.db)).toBe(0);
  });

  it("resends a delivery as a new one with the same webhook-id", async () => {
    const target = await endpoint(["checkin.created"]);
    await database.db.transaction((tx) =>
      emitWebhookEvent(tx, orgId, "checkin.created", sampleData["checkin.created"]),
    );
    await deliverPendingWebhooks(database.db);
    const [original] = await deliveriesOf(target.id);
    expect(original?.state).toBe("succeeded");
    const admin = await as("admin");
    const resent = await admin.webhooks.resend({ deliveryId: original?.id ?? "" });
    expect(resent).toMatchObject({ eventId: original?.eventId, state: "pending" });
    await deliverPendingWebhooks(database.db);
    const requests = at(target.path);
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.headers["webhook-id"])).toEqual([original?.eventId, original?.eventId]);
    expect(requests.every((r) => r.error === null)).toBe(true);
    const rows = await deliveriesOf(target.id);
    expect(rows.map((d) => [d.state, d.resendOf])).toEqual([
      ["succeeded", null],
      ["succeeded", original?.id],
    ]);
    const audit = await database.db.select().from(activityLog).where(eq(activityLog.entityId, resent.id));
    expect(audit.map((a) => a.action)).toEqual(["webhook_delivery.resent"]);
  });

  it("sends a test event at once and answers with what the receiver said", async () => {
    const target = await endpoint(["review.finalized"], { script: [202] });
    const admin = await as("admin");
    const result = await admin.webhooks.sendTest({ endpointId: target.id });
    expect(result).toMatchObject({ state: "succeeded", attempt: { statusCode: 202, succeeded: true } });
    const [request] = at(target.path);
    expect(request?.error).toBeNull();
    expect(request?.verified).toMatchObject({ type: "webhook.test", data: { endpointId: target.id } });
    const failing = await endpoint(["review.finalized"], { script: [503] });
    expect(await admin.webhooks.sendTest({ endpointId: failing.id })).toMatchObject({
      state: "pending",
      attempt: { statusCode: 503, succeeded: false, error: "The receiver answered 503." },
    });
  });

  it("formats the events as readable Slack messages for a Slack target", async () => {
    const target = await endpoint(["checkin.created", "objective.status_changed"], { target: "slack" });
    const { keyResult, objective } = await okr();
    await checkIn(keyResult.id, 40);
    await deliverPendingWebhooks(database.db);
    const messages = at(target.path).map((r) => JSON.parse(r.body) as { text: string; blocks: unknown[] });
    expect(at(target.path).every((r) => r.error === null)).toBe(true);
    const checkInMessage = messages.find((m) => m.text.startsWith("Check-in created"));
    expect(checkInMessage?.text).toMatch(/^Check-in created: .+ checked in on Qualified leads$/);
    expect(checkInMessage?.blocks[0]).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        text: expect.stringContaining(`<https://meridian.example.test/objectives/${objective.id}|Qualified leads>`),
      },
    });
    expect(JSON.stringify(checkInMessage?.blocks[1])).toContain("Value: 40 · confidence 7/10");
    const statusMessage = messages.find((m) => m.text.startsWith("Objective status changed"));
    // The title's angle brackets are escaped, so they cannot make a Slack link of their own.
    expect(statusMessage?.text).toContain("is now On track (was No data)");
    expect(JSON.stringify(statusMessage?.blocks)).toContain("Grow &lt;the&gt; pipeline");
  });
});
