import {
  ZTeamCreateSchema,
  ZTeamMemberSetSchema,
  ZTeamMembersSchema,
  ZTeamRefSchema,
  ZTeamSearchSchema,
  ZTeamUpdateSchema,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { searchTeams } from "./team-search.queries";
import { archiveTeam, createTeam, setTeamMember, updateTeam } from "./teams.commands";
import { listTeamMembers, listTeams } from "./teams.queries";

const read = orgProcedure("team.read");
const manage = orgProcedure("team.manage");

export const teamsRouter = router({
  /** Active teams of the organization, lean: the tree, each team's head count and the caller's role in it. */
  list: read.query(({ ctx }) => listTeams(ctx)),
  /** A page of the active teams in tree order, each with its depth and head count; or those matching a search, or by id. */
  search: read.input(ZTeamSearchSchema).query(({ ctx, input }) => searchTeams(ctx, input)),
  /** One active team's people (id, name, role), leads first, then by name. */
  members: read.input(ZTeamMembersSchema).query(({ ctx, input }) => listTeamMembers(ctx, input)),
  create: manage.input(ZTeamCreateSchema).mutation(({ ctx, input }) => createTeam(ctx, input)),
  /** Renames a team and/or moves it in the tree; never under itself. */
  update: manage.input(ZTeamUpdateSchema).mutation(({ ctx, input }) => updateTeam(ctx, input)),
  /** Archives a team: its sub-teams move up to its parent, its objectives stay. */
  archive: manage.input(ZTeamRefSchema).mutation(({ ctx, input }) => archiveTeam(ctx, input)),
  /** Makes a person a lead or member of a team, or (role null) takes them off it. */
  setMember: manage.input(ZTeamMemberSetSchema).mutation(({ ctx, input }) => setTeamMember(ctx, input)),
});
