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

export const kpisRouter = router({
  /** Live KPIs with their latest actual and this quarter's score. */
  list: orgProcedure("scorecard.read")
    .input(ZKpiListSchema)
    .query(({ ctx, input }) => listKpis(ctx, input)),

  /** Everything a KPI's page shows: definition, history, forecast, targets, benchmarks, permissions. */
  get: orgProcedure("scorecard.read")
    .input(ZKpiGetSchema)
    .query(({ ctx, input }) => getKpiPage(ctx, input)),

  create: orgProcedure("kpi.manage")
    .input(ZKpiCreateSchema)
    .mutation(({ ctx, input }) => createKpi(ctx, input)),

  /** Changes a KPI's definition; the caller names the version they read. */
  update: orgProcedure("kpi.manage")
    .input(ZKpiUpdateSchema)
    .mutation(({ ctx, input }) => updateKpiDefinition(ctx, input)),

  /** Retires a KPI: off the scorecard, history kept. */
  archive: orgProcedure("kpi.manage")
    .input(ZKpiArchiveSchema)
    .mutation(({ ctx, input }) => archiveKpi(ctx, input)),

  /** A goal / red-flag override for one quarter. */
  setTarget: orgProcedure("kpi.manage")
    .input(ZKpiSetTargetSchema)
    .mutation(({ ctx, input }) => setKpiTarget(ctx, input)),

  /** Drops a quarter's override. */
  removeTarget: orgProcedure("kpi.manage")
    .input(ZKpiRemoveTargetSchema)
    .mutation(({ ctx, input }) => removeKpiTarget(ctx, input)),
});
