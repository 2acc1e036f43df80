import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, rows, sql, webhookDeliveries } from "@meridian/db";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callerFor, createMember, createOrganization, useTestDatabase } from "../../test/support";
import { emitWebhookEvent } from "../modules/webhooks/emit";
import { type NotificationWorker, startNotificationWorker } from "./worker";

/*
 * The webhook sender as the app runs it: on pg-boss, next to the notification
 * tick. An event queued while no worker runs (a restart) goes out once one
 * starts; two workers send it once.
 */

const database = useTestDatabase();
const workers: NotificationWorker[] = [];
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let server: Server;
let orgId: string;

async function serverUrl(): Promise<string | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const [row] = rows<{ name: string }>(await database.db.execute(sql`select current_database() as name`));
  const url = new URL(base);
  url.pathname = `/${row?.name}`;
  return url.toString();
}

async function startWorker() {
  const url = await serverUrl();
  const worker = await startNotificationWorker({
    db: database.db,
    driver: url ? "postgres" : "pglite",
    databaseUrl: url,
    env: { MERIDIAN_WEBHOOKS_ALLOW_PRIVATE: "1", NEXTAUTH_SECRET: "worker-test-secret" },
    pollingIntervalSeconds: 0.5,
  });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  vi.stubEnv("MERIDIAN_WEBHOOKS_ALLOW_PRIVATE", "1");
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  orgId = (await createOrganization(database.db)).id;
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  vi.unstubAllEnvs();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the webhook sender on pg-boss", () => {
  it("sends what was queued before any worker ran, once, with two workers up", async () => {
    const admin = await createMember(database.db, orgId, "admin");
    const caller = await callerFor(database.db, admin.email, orgId);
    const port = (server.address() as AddressInfo).port;
    const endpoint = await caller.webhooks.create({
      url: `http://127.0.0.1:${port}/worker`,
      events: ["review.finalized"],
    });
    const data = {
      review: { id: "11111111-1111-4111-8111-111111111111", title: "Q4 review" },
      finalizedBy: null,
      correctiveActions: 0,
      url: "http://localhost:3000/reviews/11111111-1111-4111-8111-111111111111",
    };
    const eventId = await database.db.transaction((tx) => emitWebhookEvent(tx, orgId, "review.finalized", data));

    const [first, second] = [await startWorker(), await startWorker()];
    await Promise.all([first.kick(), second.kick()]);
    const deadline = Date.now() + 60_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await Promise.all([first.kick(), second.kick()]);
    await new Promise((r) => setTimeout(r, 3_000));

    expect(received).toHaveLength(1);
    const [request] = received;
    const flat = Object.fromEntries(Object.entries(request?.headers ?? {}).map(([k, v]) => [k, String(v)]));
    expect(new Webhook(endpoint.secret).verify(request?.body ?? "", flat)).toMatchObject({
      type: "review.finalized",
      data,
    });
    expect(flat["webhook-id"]).toBe(eventId);
    const [delivery] = await database.db
      .select({ state: webhookDeliveries.state, attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(delivery).toEqual({ state: "succeeded", attempts: 1 });
  });
});
