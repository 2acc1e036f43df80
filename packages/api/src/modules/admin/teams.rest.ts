import { ZTeamListSchema } from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { restPage, restQuery } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { listTeamPage } from "./teams.queries";

const ZRestTeam = z
  .object({
    id: z.string(),
    name: z.string(),
    parentId: z.string().nullable().meta({ description: "The team above it in the tree; null at the top." }),
    memberCount: z.number().int().meta({ description: "Everyone on the team, leads included." }),
  })
  .meta({ id: "Team" });

export const teamsRest = router({
  list: apiProcedure("okrs:read", "team.read")
    .meta({
      openapi: {
        method: "GET",
        path: "/teams",
        tags: ["Organization"],
        summary: "List teams",
        description:
          "A page of the organization's active teams by name, each with its parent (the tree) and its head count. Use a team's `id` as `teamId` to filter objectives.",
        protect: true,
      },
    })
    .input(restQuery(ZTeamListSchema))
    .output(restPage(ZRestTeam))
    .query(async ({ ctx, input }) => {
      const page = await listTeamPage(ctx, input);
      return { items: page.teams, nextCursor: page.nextCursor };
    }),
});
