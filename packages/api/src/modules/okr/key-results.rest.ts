import { ZKeyResultIdSchema } from "@meridian/domain";
import { apiProcedure } from "../../rest/rest-procedure";
import { restQuery } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { getKeyResult } from "./key-results.queries";
import { toRestKeyResult, ZRestKeyResult } from "./objectives.rest";

export const keyResultsRest = router({
  get: apiProcedure("okrs:read", "objective.read")
    .meta({
      openapi: {
        method: "GET",
        path: "/key-results/{keyResultId}",
        tags: ["OKRs"],
        summary: "One key result with its progress",
        description:
          "Its current value, latest confidence, progress and status against the time elapsed in its cycle. An archived key result, or one on an objective the token's creator may not see, is a 404.",
        protect: true,
      },
    })
    .input(restQuery(ZKeyResultIdSchema))
    .output(ZRestKeyResult)
    .query(async ({ ctx, input }) => toRestKeyResult((await getKeyResult(ctx, input)).keyResult)),
});
