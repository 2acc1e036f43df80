import { ZCarryOverSchema, ZCycleCreateSchema, ZCycleRefSchema } from "@meridian/domain";
import { orgProcedure, router, viewerProcedure } from "../../trpc";
import { carryOver, closeCycle, createCycle, openCycle } from "./cycles.commands";
import { currentCycle, listCycles } from "./cycles.queries";

const read = orgProcedure("cycle.read");
const manage = orgProcedure("cycle.manage");
const manageVisible = viewerProcedure("cycle.manage");

export const cyclesRouter = router({
  list: read.query(({ ctx }) => listCycles(ctx)),
  current: read.query(({ ctx }) => currentCycle(ctx)),
  /** A new cycle, in planning until an admin opens it. */
  create: manage.input(ZCycleCreateSchema).mutation(({ ctx, input }) => createCycle(ctx, input)),
  open: manage.input(ZCycleRefSchema).mutation(({ ctx, input }) => openCycle(ctx, input)),
  /** Closes a cycle; its active objectives are frozen. */
  close: manage.input(ZCycleRefSchema).mutation(({ ctx, input }) => closeCycle(ctx, input)),
  /** Carries an unfinished objective, with chosen key results, into another cycle. */
  carryOver: manageVisible.input(ZCarryOverSchema).mutation(({ ctx, input }) => carryOver(ctx, input)),
});
