/**
 * Mentions in comments. The comment form inserts a token `@[Name](user-id)`
 * for each person chosen from the organization's people; the token keeps the
 * person's id (names change and repeat, ids do not) and reads as "@Name" when
 * shown. A typed "@Sam" without a token is plain text and notifies nobody:
 * guessing who was meant from a name would sometimes tell the wrong person.
 */

/** The most people one comment notifies; more tokens than this are left as text. */
export const MAX_MENTIONS = 20;

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** A token: the shown name (no brackets, parentheses or line breaks, at most 120 characters) and an id. */
const TOKEN = new RegExp(`@\\[([^\\[\\]()\\n\\r]{1,120})\\]\\((${UUID})\\)`, "g");

export interface Mention {
  userId: string;
  name: string;
}

export type CommentSegment = { type: "text"; text: string } | { type: "mention"; userId: string; name: string };

/** The name as a token can hold it: without the characters that would end the token, trimmed. */
function tokenName(name: string): string {
  return (
    name
      .replace(/[[\]()\n\r]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120) || "someone"
  );
}

/** The token the comment form inserts for a person. */
export function mentionToken(person: { id: string; name: string }): string {
  return `@[${tokenName(person.name)}](${person.id.toLowerCase()})`;
}

/** The people a comment mentions, each once, in the order they first appear (ids lower-cased). */
export function parseMentions(body: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const match of body.matchAll(TOKEN)) {
    const [, name, id] = match;
    if (!name || !id) continue;
    const userId = id.toLowerCase();
    if (!seen.has(userId)) seen.set(userId, { userId, name: name.trim() });
    if (seen.size >= MAX_MENTIONS) break;
  }
  return [...seen.values()];
}

/** The comment as text and mentions, for showing tokens as names. */
export function commentSegments(body: string): CommentSegment[] {
  const out: CommentSegment[] = [];
  let at = 0;
  for (const match of body.matchAll(TOKEN)) {
    const [whole, name, id] = match;
    if (!name || !id || match.index === undefined) continue;
    if (match.index > at) out.push({ type: "text", text: body.slice(at, match.index) });
    out.push({ type: "mention", userId: id.toLowerCase(), name: name.trim() });
    at = match.index + whole.length;
  }
  if (at < body.length) out.push({ type: "text", text: body.slice(at) });
  return out;
}

/** The comment with each token shown as "@Name": for a notification's text or an email. */
export function plainComment(body: string): string {
  return commentSegments(body)
    .map((s) => (s.type === "text" ? s.text : `@${s.name}`))
    .join("");
}
