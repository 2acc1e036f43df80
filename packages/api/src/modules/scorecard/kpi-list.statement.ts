// kpis.list's one statement: the page of live KPIs and what scoring needs of them, as JSON columns of one row.
import { and, eq, ilike, isNull, kpis, or, type SQL, sql, strategicObjectives, users } from "@meridian/db";
import type { KpiForScoring } from "@meridian/domain";
import { type KpiRow, kpiColumns } from "./kpi-rows";
import {
  actualsInWindowSql,
  type CampaignSumRow,
  campaignSumsSql,
  scoringKpisSql,
  selectAs,
  targetsInWindowSql,
} from "./scorecard-fragments";

/** The list's filters; each one given is a placeholder of the same name. */
export const KPI_LIST_FILTERS = ["strategicObjectiveId", "perspectiveId", "ownerId", "kind", "q"] as const;
export type KpiListFilter = (typeof KPI_LIST_FILTERS)[number];

/** A KPI of the page: its definition (the list holds live KPIs only) with its owner's and objective's names. */
export type ListedKpi = Omit<KpiRow, "archivedAt"> & { ownerName: string; objectiveName: string | null };

export interface KpiListStatementRow {
  /** The page and one more, when there is a next page. */
  page: ListedKpi[];
  /** The page's KPIs and the inputs of its computed ones, as scoring reads them. */
  kpis: KpiForScoring[];
  actuals: { kpiId: string; periods: string[]; values: number[] }[];
  targets: { kpiId: string; periodStart: string; goal: number; redFlag: number }[];
  campaignSums: CampaignSumRow[];
}

const { archivedAt: _archivedAt, ...listedColumns } = kpiColumns;
const P = sql.placeholder;

/**
 * The statement for one set of filters, with or without a cursor (placeholders "cursorName" and
 * "cursorId"); "org", "start", "end" (the quarters scored) and "limit" are always given.
 */
export function kpiListStatement(given: readonly KpiListFilter[], afterCursor: boolean): SQL {
  const has = (f: KpiListFilter) => given.includes(f);
  const where = and(
    eq(kpis.organizationId, P("org")),
    isNull(kpis.archivedAt),
    afterCursor ? sql`(${kpis.name}, ${kpis.id}) > (${P("cursorName")}::text, ${P("cursorId")}::uuid)` : undefined,
    has("strategicObjectiveId") ? eq(kpis.strategicObjectiveId, P("strategicObjectiveId")) : undefined,
    has("perspectiveId") ? eq(strategicObjectives.perspectiveId, P("perspectiveId")) : undefined,
    has("ownerId") ? eq(kpis.ownerId, P("ownerId")) : undefined,
    has("kind") ? eq(kpis.kind, P("kind")) : undefined,
    has("q")
      ? or(ilike(kpis.name, P("q")), ilike(users.name, P("q")), ilike(strategicObjectives.name, P("q")))
      : undefined,
  );
  const chosen = sql`select id from chosen`;
  return sql`with page as (
      select ${selectAs(listedColumns)}, ${users.name} as "ownerName", ${strategicObjectives.name} as "objectiveName"
      from ${kpis}
      join ${users} on ${users.id} = ${kpis.ownerId}
      left join ${strategicObjectives} on ${strategicObjectives.organizationId} = ${kpis.organizationId}
        and ${strategicObjectives.id} = ${kpis.strategicObjectiveId}
      where ${where}
      order by ${kpis.name}, ${kpis.id}
      limit ${P("limit")}
    ),
    chosen as (
      select id from page
      union select "inputAId" from page where "inputAId" is not null
      union select "inputBId" from page where "inputBId" is not null
    )
    select
      coalesce((select json_agg(p order by p.name, p.id) from page p), '[]') as page,
      coalesce((select json_agg(k) from (${scoringKpisSql(chosen)}) k), '[]') as kpis,
      coalesce((select json_agg(a) from (${actualsInWindowSql(chosen)}) a), '[]') as actuals,
      coalesce((select json_agg(t) from (${targetsInWindowSql(chosen)}) t), '[]') as targets,
      coalesce((select json_agg(c) from (${campaignSumsSql(chosen)}) c), '[]') as "campaignSums"`;
}
