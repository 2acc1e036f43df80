import { checkIns, comments, cycles, type Database, eq, keyResults, objectives } from "@meridian/db";

/** One stored row by id, straight from the table; fails the test when there is none. */
function found<T>(row: T | undefined, what: string, id: string): T {
  if (!row) throw new Error(`no ${what} ${id}`);
  return row;
}

export async function keyResultRow(db: Database, id: string) {
  const [row] = await db.select().from(keyResults).where(eq(keyResults.id, id));
  return found(row, "key result", id);
}

export async function objectiveRow(db: Database, id: string) {
  const [row] = await db.select().from(objectives).where(eq(objectives.id, id));
  return found(row, "objective", id);
}

export async function cycleRow(db: Database, id: string) {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  return found(row, "cycle", id);
}

export async function commentRow(db: Database, id: string) {
  const [row] = await db.select().from(comments).where(eq(comments.id, id));
  return found(row, "comment", id);
}

/** A check-in by id, or undefined when there is none (a deleted one). */
export async function checkInRowOrNone(db: Database, id: string) {
  const [row] = await db.select().from(checkIns).where(eq(checkIns.id, id));
  return row;
}
