import {
  type FieldRow,
  fieldRows,
  type OpenApiLike,
  type OpenApiOperation,
  type ParameterRow,
  resolve,
  sampleValue,
  typeLabel,
} from "./api-reference";

/** One event Meridian POSTs to a webhook endpoint, as the document's `webhooks` section describes it. */
export interface ReferenceWebhook {
  event: string;
  /** Unique on the page; an anchor. */
  id: string;
  summary: string;
  description: string;
  /** The signature headers every delivery carries. */
  headers: ParameterRow[];
  fields: FieldRow[];
  /** A body of this event's shape, every field filled, as pretty JSON. */
  example: string;
}

/**
 * The document's webhooks, in its order, walked the way the operations are: so the page's list of
 * events and their bodies is generated from the producers' schemas and cannot drift from them.
 */
export function buildWebhookReference(doc: OpenApiLike): ReferenceWebhook[] {
  return Object.entries(doc.webhooks ?? {}).flatMap(([event, item]) => {
    const op = item?.post as OpenApiOperation | undefined;
    if (!op) return [];
    const schema = op.requestBody?.content?.["application/json"]?.schema ?? {};
    return [
      {
        event,
        id: `webhook-${event.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`,
        summary: op.summary ?? "",
        description: op.description ?? "",
        headers: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          type: typeLabel(doc, resolve(doc, p.schema ?? {})),
          required: p.required === true,
          description: p.description ?? "",
        })),
        fields: fieldRows(doc, schema),
        // Every field, optional ones too: a receiver wants to see all it may be sent.
        example: JSON.stringify(sampleValue(doc, schema, "all"), null, 2),
      },
    ];
  });
}
