import { count, type Executor, eq, perspectives } from "@meridian/db";
import { DEFAULT_PERSPECTIVES } from "@meridian/domain";

/**
 * Gives an organization the four default perspectives when it has none yet;
 * one that already shaped its own (even down to one band) is left alone.
 * Call it inside the transaction that creates the organization.
 * Returns how many perspectives were inserted (0 or 4).
 */
export async function ensureDefaultPerspectives(tx: Executor, organizationId: string): Promise<number> {
  const [existing] = await tx
    .select({ n: count() })
    .from(perspectives)
    .where(eq(perspectives.organizationId, organizationId));
  if ((existing?.n ?? 0) > 0) return 0;
  await tx
    .insert(perspectives)
    .values(DEFAULT_PERSPECTIVES.map((p, position) => ({ organizationId, name: p.name, weight: p.weight, position })));
  return DEFAULT_PERSPECTIVES.length;
}
