import { type Executor, eq, users } from "@meridian/db";

/** The name a notification gives whoever caused it. */
export async function actorName(db: Executor, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? "Someone";
}

/** A notification's text is a preview: the first lines of a comment, not all 4,000 characters. */
export function preview(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
