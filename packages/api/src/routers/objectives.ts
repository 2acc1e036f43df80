import { pickCurrentCycle, ZDashboardInputSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { loadViewer } from "../access/viewer";
import { loadCycles } from "../okr/cycles";
import { loadDashboard } from "../okr/dashboard";
import { orgProcedure, router } from "../trpc";

export const objectivesRouter = router({
  /** The cycle's objectives the caller may see, as an alignment tree with progress and status. */
  dashboard: orgProcedure("objective.read")
    .input(ZDashboardInputSchema)
    .query(async ({ ctx, input }) => {
      const now = new Date();
      const cycles = await loadCycles(ctx.db, ctx.org.id);
      const cycle = input.cycleId ? cycles.find((c) => c.id === input.cycleId) : pickCurrentCycle(cycles, now);
      if (input.cycleId && !cycle) throw new TRPCError({ code: "NOT_FOUND", message: "No such cycle." });
      if (!cycle) return null;
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return loadDashboard(ctx.db, ctx.org.id, viewer, cycle, now);
    }),
});
