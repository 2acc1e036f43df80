import {
  ZKpiArchiveSchema,
  ZKpiCreateSchema,
  ZKpiGetSchema,
  ZKpiListSchema,
  ZKpiRemoveTargetSchema,
  ZKpiSetTargetSchema,
  ZKpiUpdateSchema,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { getKpiPage } from "./kpi-page.queries";
import { removeKpiTarget, setKpiTarget } from "./kpi-targets.commands";
import { archiveKpi, createKpi, updateKpiDefinition } from "./kpis.commands";
import { listKpis } from "./kpis.queries";

const read = orgProcedure("scorecard.read");
const manage = orgProcedure("kpi.manage");

export const kpisRouter = router({
  /** Live KPIs with their latest actual and this quarter's score. */
  list: read.input(ZKpiListSchema).query(({ ctx, input }) => listKpis(ctx, input)),
  /** Everything a KPI's page shows: definition, history, forecast, targets, benchmarks, permissions. */
  get: read.input(ZKpiGetSchema).query(({ ctx, input }) => getKpiPage(ctx, input)),
  create: manage.input(ZKpiCreateSchema).mutation(({ ctx, input }) => createKpi(ctx, input)),
  /** Changes a KPI's definition; the caller names the version they read. */
  update: manage.input(ZKpiUpdateSchema).mutation(({ ctx, input }) => updateKpiDefinition(ctx, input)),
  /** Retires a KPI: off the scorecard, history kept. */
  archive: manage.input(ZKpiArchiveSchema).mutation(({ ctx, input }) => archiveKpi(ctx, input)),
  /** A goal / red-flag override for one quarter. */
  setTarget: manage.input(ZKpiSetTargetSchema).mutation(({ ctx, input }) => setKpiTarget(ctx, input)),
  /** Drops a quarter's override. */
  removeTarget: manage.input(ZKpiRemoveTargetSchema).mutation(({ ctx, input }) => removeKpiTarget(ctx, input)),
});
