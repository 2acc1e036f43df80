import { ZCheckInCreateSchema, ZCheckInRefSchema, ZCheckInUpdateSchema } from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { getCheckInQueue } from "./check-in-queue.queries";
import { createCheckIn, deleteCheckIn, updateCheckIn } from "./check-ins.commands";

const checkIn = viewerProcedure("checkin.create");

export const checkInsRouter = router({
  /**
   * The weekly check-in: the caller's due key results, the KPIs whose actuals they owe and the
   * corrective actions assigned to them. Viewers check in on nothing: FORBIDDEN, as for create.
   */
  weekly: checkIn.query(({ ctx }) => getCheckInQueue(ctx)),
  /** Records a value and confidence on a key result; idempotent per author and key. */
  create: checkIn.input(ZCheckInCreateSchema).mutation(({ ctx, input }) => createCheckIn(ctx, input)),
  /** Corrects a check-in: its author or an admin, while the cycle is open. */
  update: checkIn.input(ZCheckInUpdateSchema).mutation(({ ctx, input }) => updateCheckIn(ctx, input)),
  delete: checkIn.input(ZCheckInRefSchema).mutation(({ ctx, input }) => deleteCheckIn(ctx, input)),
});
