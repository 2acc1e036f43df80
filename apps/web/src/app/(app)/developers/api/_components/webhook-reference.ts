import {
  type FieldRow,
  fieldRows,
  type JsonSchema,
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
        example: JSON.stringify(fullSample(doc, schema), null, 2),
      },
    ];
  });
}

/** Like `sampleValue`, but with every field, optional ones too: a receiver wants to see them all. */
function fullSample(doc: OpenApiLike, raw: JsonSchema, depth = 0): unknown {
  const schema = resolve(doc, raw);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const notNull = alternatives.find((s) => resolve(doc, s).type !== "null");
    return notNull ? fullSample(doc, notNull, depth) : null;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "array") return depth > 5 ? [] : [fullSample(doc, schema.items ?? {}, depth + 1)];
  if (type === "object" || (!type && schema.properties)) {
    if (depth > 5) return {};
    const entries = Object.entries(schema.properties ?? {});
    return Object.fromEntries(entries.map(([name, property]) => [name, fullSample(doc, property, depth + 1)]));
  }
  return sampleValue(doc, schema, depth);
}
