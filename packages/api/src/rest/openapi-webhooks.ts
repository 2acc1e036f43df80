import { WEBHOOK_EVENT_DATA_SCHEMAS, WEBHOOK_EVENT_INFO, WEBHOOK_EVENTS } from "@meridian/domain";
import type { OpenAPIObject } from "trpc-to-openapi";
import { z } from "zod";

/**
 * The document's `webhooks` section (OpenAPI 3.1): one entry per event Meridian sends, its body
 * `{ type, timestamp, data }` generated from the same zod schemas the producers are typed by,
 * and the Standard Webhooks headers every delivery carries.
 */
export function webhooksSection(): NonNullable<OpenAPIObject["webhooks"]> {
  const header = (description: string) => ({ required: true, description, schema: { type: "string" } });
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => {
      const body = z.object({
        type: z.literal(event),
        timestamp: z.iso.datetime({ offset: true }),
        data: WEBHOOK_EVENT_DATA_SCHEMAS[event],
      });
      const { $schema: _, ...schema } = z.toJSONSchema(body, { target: "draft-2020-12", io: "output" });
      return [
        event,
        {
          post: {
            operationId: `webhook-${event}`,
            summary: WEBHOOK_EVENT_INFO[event].label,
            description: `${WEBHOOK_EVENT_INFO[event].description} Sent to every active endpoint subscribed to \`${event}\`, signed per Standard Webhooks; retried with backoff until the receiver answers 2xx (410 disables the endpoint).`,
            tags: ["Webhooks"],
            parameters: [
              {
                in: "header",
                name: "webhook-id",
                ...header("The event's id (msg_…): the same on retries and resends."),
              },
              {
                in: "header",
                name: "webhook-timestamp",
                ...header("Seconds since 1970 when this attempt was signed."),
              },
              {
                in: "header",
                name: "webhook-signature",
                ...header("v1,<base64 HMAC-SHA256 of id.timestamp.body with the endpoint's secret>."),
              },
            ],
            requestBody: { required: true, content: { "application/json": { schema } } },
            responses: { "2XX": { description: "Received: the delivery is done." } },
          },
        },
      ];
    }),
  ) as NonNullable<OpenAPIObject["webhooks"]>;
}
