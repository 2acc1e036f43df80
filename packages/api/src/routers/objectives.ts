import { pickCurrentCycle, ZDashboardInputSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { loadViewer } from "../access/viewer";
import { loadCycles } from "../okr/cycles";
import { loadDashboard } from "../okr/dashboard";
import { myOkrs, teamAttention } from "../okr/home";
import type { Context } from "../trpc";
import { type OrganizationScope, orgProcedure, router } from "../trpc";

/** The requested cycle (NOT_FOUND if it is not this organization's) or the current one. */
async function dashboardFor(
  ctx: Context & { user: { id: string }; org: OrganizationScope },
  cycleId: string | undefined,
  now: Date,
) {
  const cycles = await loadCycles(ctx.db, ctx.org.id);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : pickCurrentCycle(cycles, now);
  if (cycleId && !cycle) throw new TRPCError({ code: "NOT_FOUND", message: "No such cycle." });
  const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
  return { viewer, dashboard: cycle ? await loadDashboard(ctx.db, ctx.org.id, viewer, cycle, now) : null };
}

export const objectivesRouter = router({
  /** The cycle's objectives the caller may see, as an alignment tree with progress and status. */
  dashboard: orgProcedure("objective.read")
    .input(ZDashboardInputSchema)
    .query(async ({ ctx, input }) => (await dashboardFor(ctx, input.cycleId, new Date())).dashboard),

  /** My OKRs: what the caller owns in the current cycle and the check-ins due from them. */
  mine: orgProcedure("objective.read").query(async ({ ctx }) => {
    const now = new Date();
    const { dashboard } = await dashboardFor(ctx, undefined, now);
    return dashboard ? myOkrs(dashboard, ctx.user.id, now) : null;
  }),

  /** The teams the caller leads: their objectives, and what needs attention. */
  teamAttention: orgProcedure("objective.read").query(async ({ ctx }) => {
    const now = new Date();
    const { dashboard, viewer } = await dashboardFor(ctx, undefined, now);
    return dashboard ? teamAttention(dashboard, viewer.ledTeamIds, now) : null;
  }),
});
