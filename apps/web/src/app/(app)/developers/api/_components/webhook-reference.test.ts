import { openApiDocument } from "@meridian/api";
import { WEBHOOK_EVENT_DATA_SCHEMAS, WEBHOOK_EVENTS, type WebhookEvent } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import type { OpenApiLike } from "./api-reference";
import { buildWebhookReference } from "./webhook-reference";

const webhooks = () => buildWebhookReference(openApiDocument() as unknown as OpenApiLike);

describe("the webhook reference built from the OpenAPI document", () => {
  it("lists every event Meridian sends, with the three signature headers", () => {
    const events = webhooks();
    expect(events.map((w) => w.event)).toEqual([...WEBHOOK_EVENTS]);
    for (const w of events) {
      expect(w.headers.map((h) => h.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
      expect(w.headers.every((h) => h.required && h.in === "header")).toBe(true);
      expect(w.summary).not.toBe("");
    }
    expect(new Set(events.map((w) => w.id)).size).toBe(events.length);
  });

  it("gives each event's body fields and an example its producer's own schema accepts", () => {
    for (const w of webhooks()) {
      expect(w.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["type", "timestamp", "data"]));
      expect(w.fields.some((f) => f.name.startsWith("data."))).toBe(true);
      const example = JSON.parse(w.example) as { type: string; data: unknown };
      expect(example.type).toBe(w.event);
      const parsed = WEBHOOK_EVENT_DATA_SCHEMAS[w.event as WebhookEvent].safeParse(example.data);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it("reads a document without webhooks as none", () => {
    expect(buildWebhookReference({ paths: {} })).toEqual([]);
  });
});
