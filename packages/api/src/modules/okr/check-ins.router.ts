import { ZCheckInCreateSchema, ZCheckInRefSchema, ZCheckInUpdateSchema } from "@meridian/domain";
import { router, viewerProcedure } from "../../trpc";
import { createCheckIn, deleteCheckIn, updateCheckIn } from "./check-ins.commands";

const checkIn = viewerProcedure("checkin.create");

export const checkInsRouter = router({
  /** Records a value and confidence on a key result; idempotent per author and key. */
  create: checkIn.input(ZCheckInCreateSchema).mutation(({ ctx, input }) => createCheckIn(ctx, input)),
  /** Corrects a check-in: its author or an admin, while the cycle is open. */
  update: checkIn.input(ZCheckInUpdateSchema).mutation(({ ctx, input }) => updateCheckIn(ctx, input)),
  delete: checkIn.input(ZCheckInRefSchema).mutation(({ ctx, input }) => deleteCheckIn(ctx, input)),
});
