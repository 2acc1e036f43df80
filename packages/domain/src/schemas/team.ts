// Zod input schemas for teams and their members, shared by the API and the forms.
import { z } from "zod";
import { TEAM_MEMBER_ROLES } from "../access/roles";
import { ZCursor, ZId, ZName, ZVersion, zPageSize, zText } from "./common";

export const ZTeamCreateSchema = z.object({
  name: ZName("team name"),
  parentId: ZId.nullable().default(null),
});
export type TTeamCreate = z.input<typeof ZTeamCreateSchema>;

export const ZTeamUpdateSchema = z.object({
  teamId: ZId,
  version: ZVersion,
  name: ZName("team name").optional(),
  /** `null` moves the team to the top of the tree. */
  parentId: ZId.nullable().optional(),
});
export type TTeamUpdate = z.infer<typeof ZTeamUpdateSchema>;

export const ZTeamRefSchema = z.object({ teamId: ZId, version: ZVersion });

export const ZTeamMemberSetSchema = z.object({
  teamId: ZId,
  userId: ZId,
  /** `null` removes the person from the team. */
  role: z.enum(TEAM_MEMBER_ROLES, { error: "Team role must be lead or member." }).nullable(),
});
export type TTeamMemberSet = z.infer<typeof ZTeamMemberSetSchema>;

/** teams.members: one team's people. */
export const ZTeamMembersSchema = z.object({ teamId: ZId });
export type TTeamMembers = z.infer<typeof ZTeamMembersSchema>;

/** The organization's active teams by name, a page at a time (the REST API; the app reads them all). */
export const ZTeamListSchema = z.object({ cursor: ZCursor, limit: zPageSize(100, 50) });
export type TTeamList = z.input<typeof ZTeamListSchema>;

/**
 * teams.search: a page of the active teams in tree order (parents before their children, siblings by
 * name), or of those whose name holds `q`; `ids` asks for these teams by id (a picker naming its choice).
 */
export const ZTeamSearchSchema = z
  .object({
    q: zText().trim().max(100, "Search for at most 100 characters.").optional(),
    ids: z.array(ZId).max(50, "Ask for at most 50 teams by id.").optional(),
    cursor: ZCursor,
    limit: zPageSize(100, 30),
  })
  .default({ limit: 30 });
export type TTeamSearch = z.input<typeof ZTeamSearchSchema>;
