import { asc, eq, perspectives, strategicObjectives, strategyLinks, users } from "@meridian/db";
import {
  quarterContaining,
  quarterLabel,
  scoreScorecard,
  selectableQuarters,
  todayIso,
  type ZStrategyMapInputSchema,
} from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";
import { alignedOkrCounts } from "./aligned-okr-counts";
import { loadScorecard, quartersWithActuals } from "./load-scorecard";
import { strategicObjectiveColumns, strategyLinkColumns } from "./strategy-rows";

/**
 * The strategy map of one quarter: perspective bands in order, their
 * strategic objectives scored for the quarter, and the cause → effect links.
 */
export async function strategyMap(scope: OrgScope, input: z.output<typeof ZStrategyMapInputSchema>) {
  const period = quarterContaining(input.period ?? todayIso());
  const [index, withActuals, bandRows, objectiveRows, alignedById, linkRows] = await Promise.all([
    loadScorecard(scope.db, scope.org.id, { window: period }),
    quartersWithActuals(scope.db, scope.org.id),
    scope.db
      .select({ id: perspectives.id, position: perspectives.position, version: perspectives.version })
      .from(perspectives)
      .where(eq(perspectives.organizationId, scope.org.id)),
    scope.db
      .select({ ...strategicObjectiveColumns, ownerName: users.name })
      .from(strategicObjectives)
      .innerJoin(users, eq(users.id, strategicObjectives.ownerId))
      .where(eq(strategicObjectives.organizationId, scope.org.id)),
    alignedOkrCounts(scope.db, scope.org.id),
    scope.db
      .select(strategyLinkColumns)
      .from(strategyLinks)
      .where(eq(strategyLinks.organizationId, scope.org.id))
      .orderBy(asc(strategyLinks.createdAt)),
  ]);
  const scored = scoreScorecard(index, period, todayIso());
  const bandById = new Map(bandRows.map((b) => [b.id, b]));
  const objectiveById = new Map(objectiveRows.map((o) => [o.id, o]));
  return {
    period: { ...period, label: quarterLabel(period) },
    availableQuarters: selectableQuarters(withActuals, todayIso()),
    score: scored.score,
    status: scored.status,
    perspectives: scored.perspectives.map((p) => ({
      id: p.id,
      name: p.name,
      weight: p.weight,
      position: bandById.get(p.id)?.position ?? 0,
      version: bandById.get(p.id)?.version ?? 1,
      score: p.score,
      status: p.status,
      objectives: p.objectives.flatMap((o) => {
        const row = objectiveById.get(o.id);
        if (!row) return [];
        return [
          {
            id: o.id,
            name: o.name,
            description: row.description,
            owner: { id: row.ownerId, name: row.ownerName },
            weight: o.weight,
            version: row.version,
            score: o.score,
            status: o.status,
            kpiCount: o.kpis.length,
            alignedOkrCount: alignedById.get(o.id) ?? 0,
          },
        ];
      }),
    })),
    links: linkRows,
  };
}
