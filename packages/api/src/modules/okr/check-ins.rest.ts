import { ZCheckInCreateSchema, ZCheckInListSchema } from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { instant, restBody, restPage, restQuery, ZPersonRef, zInstant } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { createCheckIn } from "./check-ins.commands";
import { type CheckInView, listCheckIns } from "./key-results.queries";

const ZRestCheckIn = z
  .object({
    id: z.string(),
    keyResultId: z.string(),
    value: z.number(),
    confidence: z.number().int().meta({ description: "0–10: how sure the author was of reaching the target." }),
    comment: z.string(),
    author: ZPersonRef,
    createdAt: zInstant(),
    editedAt: zInstant().nullable().meta({ description: "When its author last corrected it; null if never." }),
  })
  .meta({ id: "CheckIn" });

const toRestCheckIn = (c: CheckInView): z.output<typeof ZRestCheckIn> => ({
  id: c.id,
  keyResultId: c.keyResultId,
  value: c.value,
  confidence: c.confidence,
  comment: c.comment,
  author: c.author,
  createdAt: c.createdAt.toISOString(),
  editedAt: instant(c.editedAt),
});

export const checkInsRest = router({
  list: apiProcedure("okrs:read", "objective.read")
    .meta({
      openapi: {
        method: "GET",
        path: "/key-results/{keyResultId}/check-ins",
        tags: ["OKRs"],
        summary: "A key result's check-ins, newest first",
        description:
          "Its check-in history a page at a time, newest first, in the order they were recorded. Pass `nextCursor` as `cursor` for older ones.",
        protect: true,
      },
    })
    .input(restQuery(ZCheckInListSchema))
    .output(restPage(ZRestCheckIn))
    .query(async ({ ctx, input }) => {
      const page = await listCheckIns(ctx, input);
      return { items: page.checkIns.map(toRestCheckIn), nextCursor: page.nextCursor };
    }),
  create: apiProcedure("checkins:write", "checkin.create")
    .meta({
      restCreates: true,
      openapi: {
        method: "POST",
        path: "/key-results/{keyResultId}/check-ins",
        tags: ["OKRs"],
        summary: "Record a check-in on a key result",
        description:
          "Sets the key result's current value and confidence, as a check-in in the app does, and rolls its objective's progress up. Only its owner, a lead of its objective's team or an admin may check in, on an active objective of an open cycle.\n\n" +
          "**Idempotent.** `idempotencyKey` is a UUID you make once per check-in and send again on every retry of it: a repeat records nothing and answers 200 with the check-in the key first recorded (a new one answers 201). Keys are kept per person who made the token; the same key on another key result is a 409.",
        successDescription: "Created: the new check-in (201), or the one this idempotency key already recorded (200).",
        protect: true,
        errorResponses: {
          409: "The idempotency key was used for another key result, or `keyResultVersion` is stale (someone checked in since).",
          412: "The objective is not active or its cycle is not open.",
        },
      },
    })
    .input(restBody(ZCheckInCreateSchema))
    .output(ZRestCheckIn)
    .mutation(async ({ ctx, input }) => {
      const { checkIn, replayed } = await createCheckIn(ctx, input);
      ctx.rest.status = replayed ? 200 : 201;
      // A key is the author's own, so a replayed check-in is the token creator's as well.
      return toRestCheckIn({ ...checkIn, author: { id: ctx.user.id, name: ctx.user.name } });
    }),
});
