import { pickCurrentCycle } from "@meridian/domain";
import { loadCycles } from "../okr/cycles";
import { orgProcedure, router } from "../trpc";

export const cyclesRouter = router({
  list: orgProcedure("cycle.read").query(({ ctx }) => loadCycles(ctx.db, ctx.org.id)),
  current: orgProcedure("cycle.read").query(async ({ ctx }) => {
    return pickCurrentCycle(await loadCycles(ctx.db, ctx.org.id), new Date());
  }),
});
