import { CYCLE_STATUSES, pickCurrentCycle } from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { zDate } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { listCycles } from "./cycles.queries";

const ZRestCycle = z
  .object({
    id: z.string(),
    name: z.string(),
    startsOn: zDate().meta({ description: "Its first day." }),
    endsOn: zDate().meta({ description: "Its last day (inclusive)." }),
    status: z.enum(CYCLE_STATUSES),
    current: z
      .boolean()
      .meta({ description: "The cycle the organization is in today: what lists read when no `cycleId` is given." }),
  })
  .meta({ id: "Cycle" });

export const cyclesRest = router({
  list: apiProcedure("okrs:read", "cycle.read")
    .meta({
      openapi: {
        method: "GET",
        path: "/cycles",
        tags: ["Organization"],
        summary: "List cycles",
        description:
          "Every cycle (quarter) of the organization, newest first: an organization has a handful, so this list is not paged. Use a cycle's `id` as `cycleId` to read its objectives.",
        protect: true,
      },
    })
    // No parameters, and an unknown one is a 400 like on every other route.
    .input(z.object({}).strict())
    .output(z.object({ items: z.array(ZRestCycle) }))
    .query(async ({ ctx }) => {
      const cycles = await listCycles(ctx);
      const current = pickCurrentCycle(cycles, new Date());
      return {
        items: cycles.map((c) => ({
          id: c.id,
          name: c.name,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          status: c.status,
          current: c.id === current?.id,
        })),
      };
    }),
});
