import { ZCarryOverSchema, ZCycleCreateSchema, ZCycleRefSchema } from "@meridian/domain";
import { orgProcedure, router, viewerProcedure } from "../../trpc";
import { carryOver, closeCycle, createCycle, openCycle } from "./cycles.commands";
import { currentCycle, listCycles } from "./cycles.queries";

export const cyclesRouter = router({
  list: orgProcedure("cycle.read").query(({ ctx }) => listCycles(ctx)),
  current: orgProcedure("cycle.read").query(({ ctx }) => currentCycle(ctx)),
  /** A new cycle, in planning until an admin opens it. */
  create: orgProcedure("cycle.manage")
    .input(ZCycleCreateSchema)
    .mutation(({ ctx, input }) => createCycle(ctx, input)),
  open: orgProcedure("cycle.manage")
    .input(ZCycleRefSchema)
    .mutation(({ ctx, input }) => openCycle(ctx, input)),
  /** Closes a cycle; its active objectives are frozen. */
  close: orgProcedure("cycle.manage")
    .input(ZCycleRefSchema)
    .mutation(({ ctx, input }) => closeCycle(ctx, input)),
  /** Carries an unfinished objective, with chosen key results, into another cycle. */
  carryOver: viewerProcedure("cycle.manage")
    .input(ZCarryOverSchema)
    .mutation(({ ctx, input }) => carryOver(ctx, input)),
});
