// Zod input schemas for webhook endpoints, shared by the API and the settings form.
import { z } from "zod";
import { WEBHOOK_EVENTS, WEBHOOK_TARGETS } from "../integrations/webhook-events";
import { ZId, ZVersion, zText } from "./common";

export const ZWebhookUrl = zText()
  .trim()
  .min(1, "Enter the URL that receives the events.")
  .max(2000, "Keep the URL under 2,000 characters.")
  .refine((value) => URL.canParse(value), "Enter a full URL, such as https://example.com/hooks/meridian.")
  .refine((value) => {
    const protocol = URL.canParse(value) ? new URL(value).protocol : "";
    return protocol === "https:" || protocol === "http:";
  }, "The URL must start with https:// (or http://).");

export const ZWebhookEndpointCreateSchema = z.object({
  url: ZWebhookUrl,
  target: z.enum(WEBHOOK_TARGETS, "Choose where the events go.").default("standard"),
  description: zText().trim().max(200, "Keep the description under 200 characters.").default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, "That is not an event Meridian sends."))
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, "Each event can be chosen once."),
});
export type TWebhookEndpointCreate = z.infer<typeof ZWebhookEndpointCreateSchema>;

export const ZWebhookEndpointUpdateSchema = ZWebhookEndpointCreateSchema.extend({
  endpointId: ZId,
  version: ZVersion,
  /** Turning an endpoint back on after it was paused or disabled. */
  enabled: z.boolean(),
});
export type TWebhookEndpointUpdate = z.infer<typeof ZWebhookEndpointUpdateSchema>;

export const ZWebhookEndpointIdSchema = z.object({ endpointId: ZId });
export const ZWebhookDeliveryIdSchema = z.object({ deliveryId: ZId });
export const ZWebhookDeliveryListSchema = z.object({
  endpointId: ZId,
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
