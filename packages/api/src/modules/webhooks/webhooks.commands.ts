import { randomBytes, randomUUID } from "node:crypto";
import { and, type Executor, eq, webhookDeliveries, webhookEndpoints } from "@meridian/db";
import type {
  ZWebhookDeliveryIdSchema,
  ZWebhookEndpointCreateSchema,
  ZWebhookEndpointIdSchema,
  ZWebhookEndpointUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { deliverWebhookNow } from "../../jobs/deliver-webhooks";
import { activityBy, recordActivity } from "../../lib/activity";
import { invalidInput, notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { appBaseUrl } from "../../mail/config";
import { unsafeUrlReason } from "./url-safety";
import { endpointColumns, getWebhookEndpoint } from "./webhooks.queries";

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64 (what the libraries' verifiers take). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** An event id, the `webhook-id` header: receivers drop a second delivery with the same one. */
export function newEventId(): string {
  return `msg_${randomUUID()}`;
}

/** A URL the server may not send to is refused beside the URL field, before anything is written. */
async function assertSafeUrl(url: string): Promise<void> {
  const reason = await unsafeUrlReason(url);
  if (reason) throw invalidInput("url", reason);
}

/** A new endpoint, active at once. The secret is in this answer only; list and get never return it. */
export async function createWebhookEndpoint(scope: OrgScope, input: z.output<typeof ZWebhookEndpointCreateSchema>) {
  await assertSafeUrl(input.url);
  const secret = generateWebhookSecret();
  return scope.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({
        organizationId: scope.org.id,
        url: input.url,
        target: input.target,
        description: input.description,
        events: input.events,
        secret,
        createdById: scope.user.id,
      })
      .returning(endpointColumns);
    if (!created) throw new Error("webhook endpoint was not created");
    await recordActivity(
      tx,
      activityBy(scope, "webhook_endpoint", created.id, "webhook_endpoint.created", {
        url: created.url,
        target: created.target,
        events: created.events,
      }),
    );
    return { ...created, secret };
  });
}

/**
 * Changes an endpoint's URL, description, events or target, and turns it on
 * or off. Turning a paused or disabled endpoint on makes it active with a
 * clean slate (no failing-since), so it is not paused again at once for old
 * failures; turning it off stops new deliveries and skips its pending ones.
 */
export async function updateWebhookEndpoint(scope: OrgScope, input: z.output<typeof ZWebhookEndpointUpdateSchema>) {
  const current = await getWebhookEndpoint(scope, input);
  if (current.url !== input.url) await assertSafeUrl(input.url);
  return scope.db.transaction(async (tx) => {
    const turnedOn = input.enabled && current.status !== "active";
    const turnedOff = !input.enabled && current.status !== "disabled";
    const updated = await auditedUpdate(tx, {
      table: webhookEndpoints,
      id: input.endpointId,
      version: input.version,
      set: {
        url: input.url,
        target: input.target,
        description: input.description,
        events: input.events,
        ...(turnedOn ? { status: "active", statusReason: null, failingSince: null } : {}),
        ...(turnedOff ? { status: "disabled", statusReason: "Turned off by an admin." } : {}),
      },
      returning: endpointColumns,
      // Read through the transaction: on PGlite, one connection, a read beside it would wait for it.
      conflict: { what: "webhook endpoint", current: () => getWebhookEndpoint(scope, input, tx) },
      activity: activityBy(scope, "webhook_endpoint", input.endpointId, "webhook_endpoint.updated", {
        url: input.url,
        target: input.target,
        events: input.events,
        enabled: input.enabled,
        ...(current.url !== input.url ? { previousUrl: current.url } : {}),
      }),
    });
    if (turnedOff) await skipPending(tx, scope.org.id, input.endpointId, "The endpoint was turned off.");
    return updated;
  });
}

/** Deliveries still waiting for an endpoint that will not take them are skipped, with the reason. */
export async function skipPending(tx: Executor, organizationId: string, endpointId: string, reason: string) {
  await tx
    .update(webhookDeliveries)
    .set({ state: "skipped", lastError: reason })
    .where(
      and(
        eq(webhookDeliveries.organizationId, organizationId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.state, "pending"),
      ),
    );
}

/** Removes an endpoint and its delivery log. */
export async function removeWebhookEndpoint(scope: OrgScope, input: z.output<typeof ZWebhookEndpointIdSchema>) {
  return scope.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, scope.org.id), eq(webhookEndpoints.id, input.endpointId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!removed) throw notFound("No such webhook endpoint.");
    await recordActivity(
      tx,
      activityBy(scope, "webhook_endpoint", removed.id, "webhook_endpoint.removed", { url: removed.url }),
    );
    return { id: removed.id };
  });
}

/**
 * A new secret for an endpoint, in this answer only. The old one stops at
 * once: deliveries still pending are signed with the new one when they go.
 */
export async function rotateWebhookSecret(scope: OrgScope, input: z.output<typeof ZWebhookEndpointIdSchema>) {
  const secret = generateWebhookSecret();
  return scope.db.transaction(async (tx) => {
    const [rotated] = await tx
      .update(webhookEndpoints)
      .set({ secret, updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.organizationId, scope.org.id), eq(webhookEndpoints.id, input.endpointId)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!rotated) throw notFound("No such webhook endpoint.");
    await recordActivity(
      tx,
      activityBy(scope, "webhook_endpoint", rotated.id, "webhook_endpoint.secret_rotated", { url: rotated.url }),
    );
    return { id: rotated.id, secret };
  });
}

/**
 * Sends an earlier delivery's event again: a new delivery row with the same
 * event id (so a receiver that already has it can tell) and payload, due now.
 * The endpoint must be active; resending to a paused one would only fail.
 */
export async function resendWebhookDelivery(scope: OrgScope, input: z.output<typeof ZWebhookDeliveryIdSchema>) {
  return scope.db.transaction(async (tx) => {
    const [original] = await tx
      .select({
        id: webhookDeliveries.id,
        endpointId: webhookDeliveries.endpointId,
        eventId: webhookDeliveries.eventId,
        eventType: webhookDeliveries.eventType,
        payload: webhookDeliveries.payload,
        resendOf: webhookDeliveries.resendOf,
        endpointStatus: webhookEndpoints.status,
      })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId),
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        ),
      )
      .where(and(eq(webhookDeliveries.organizationId, scope.org.id), eq(webhookDeliveries.id, input.deliveryId)))
      .limit(1);
    if (!original) throw notFound("No such webhook delivery.");
    if (original.endpointStatus !== "active") {
      throw invalidInput("deliveryId", "Turn the endpoint back on before resending its deliveries.");
    }
    const [created] = await tx
      .insert(webhookDeliveries)
      .values({
        organizationId: scope.org.id,
        endpointId: original.endpointId,
        eventId: original.eventId,
        eventType: original.eventType,
        payload: original.payload,
        // A resend of a resend points at the first delivery: one chain per event.
        resendOf: original.resendOf ?? original.id,
      })
      .returning({ id: webhookDeliveries.id, eventId: webhookDeliveries.eventId, state: webhookDeliveries.state });
    if (!created) throw new Error("webhook delivery was not created");
    await recordActivity(
      tx,
      activityBy(scope, "webhook_delivery", created.id, "webhook_delivery.resent", {
        endpointId: original.endpointId,
        eventId: original.eventId,
        eventType: original.eventType,
        resendOf: original.id,
      }),
    );
    return created;
  });
}

/** The event type of a test delivery; no producer emits it, and no endpoint subscribes to it. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/**
 * Sends a test event to one endpoint now, in this request, and answers with
 * what the receiver said: the quickest way to check a URL and a verifier.
 * It is a delivery like any other (signed, logged, retried on failure).
 */
export async function sendWebhookTest(scope: OrgScope, input: z.output<typeof ZWebhookEndpointIdSchema>) {
  const endpoint = await getWebhookEndpoint(scope, input);
  if (endpoint.status !== "active") {
    throw invalidInput("endpointId", "Turn the endpoint back on before sending it a test event.");
  }
  const eventId = newEventId();
  const delivery = await scope.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookDeliveries)
      .values({
        organizationId: scope.org.id,
        endpointId: endpoint.id,
        eventId,
        eventType: WEBHOOK_TEST_EVENT,
        payload: {
          type: WEBHOOK_TEST_EVENT,
          timestamp: new Date().toISOString(),
          data: {
            endpointId: endpoint.id,
            message: "A test event from Meridian: this endpoint receives and verifies deliveries.",
            url: `${appBaseUrl()}/settings/webhooks`,
          },
        },
        // Claimed by this request, so a worker's tick does not take it as well.
        nextAttemptAt: new Date(Date.now() + 5 * 60_000),
        attempts: 0,
      })
      .returning({ id: webhookDeliveries.id });
    if (!created) throw new Error("webhook delivery was not created");
    await recordActivity(
      tx,
      activityBy(scope, "webhook_endpoint", endpoint.id, "webhook_endpoint.tested", { eventId }),
    );
    return created;
  });
  return deliverWebhookNow(scope.db, scope.org.id, delivery.id);
}
