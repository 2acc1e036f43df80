/**
 * One line of an audit entry's details as a person reads it: a field and its
 * new value, with the old value when the entry recorded one ("name: Sales → Growth").
 */
export interface AuditChange {
  field: string;
  from?: string;
  to: string;
}

type Details = Record<string, unknown>;

const isRecord = (value: unknown): value is Details =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** "parentId" → "parent id", "red_flag" → "red flag". */
export function fieldLabel(key: string): string {
  return key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** A stored value as text: "none" for nothing, lists joined, records as "key value" pairs. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(auditValue).join(", ") : "none";
  if (isRecord(value)) {
    const entries = Object.entries(value);
    return entries.length ? entries.map(([k, v]) => `${fieldLabel(k)} ${auditValue(v)}`).join(", ") : "none";
  }
  return String(value);
}

function pairs(before: Details, after: Details): AuditChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => auditValue(before[k]) !== auditValue(after[k]))
    .map((k) => ({ field: fieldLabel(k), from: auditValue(before[k]), to: auditValue(after[k]) }));
}

/**
 * The details of an audit entry as readable changes. The API records them in a
 * few shapes, each read here: `{ from, to }` (a value or a record of values:
 * only what differs is listed), `{ before, ...new values }` (the old record
 * beside the new values), `{ changes: { field: new value } }` with any other
 * facts beside it, and plain facts (`{ name }`), listed as they are.
 * `action` names the field of a bare `{ from, to }` ("user.role_changed" → role).
 */
export function formatAuditChanges(action: string, details: Details): AuditChange[] {
  const { from, to, before, changes, ...rest } = details;
  const out: AuditChange[] = [];
  if ("from" in details && "to" in details) {
    if (isRecord(from) && isRecord(to)) out.push(...pairs(from, to));
    else {
      const verb = action.split(".").at(-1) ?? action;
      out.push({ field: fieldLabel(verb.replace(/_changed$/, "")), from: auditValue(from), to: auditValue(to) });
    }
  } else {
    if (from !== undefined) rest.from = from;
    if (to !== undefined) rest.to = to;
  }
  if (isRecord(changes)) {
    const old = isRecord(before) ? before : {};
    for (const [k, v] of Object.entries(changes)) {
      out.push({ field: fieldLabel(k), ...(k in old && { from: auditValue(old[k]) }), to: auditValue(v) });
    }
  } else if (changes !== undefined) rest.changes = changes;
  if ("before" in details && !isRecord(changes)) {
    const old = isRecord(before) ? before : {};
    for (const [k, v] of Object.entries(rest)) {
      out.push({ field: fieldLabel(k), ...(k in old && { from: auditValue(old[k]) }), to: auditValue(v) });
    }
    return out;
  }
  for (const [k, v] of Object.entries(rest)) out.push({ field: fieldLabel(k), to: auditValue(v) });
  return out;
}
