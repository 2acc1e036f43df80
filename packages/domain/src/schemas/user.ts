// Zod input schemas for users (admin: create, change role, deactivate and the like), shared by the API and the forms.
import { z } from "zod";
import { ROLES } from "../access/roles";
import { ZEmail, ZId, ZName } from "./common";

const ZRole = z.enum(ROLES, { error: "Role must be admin, manager, member or viewer." });

export const ZUserCreateSchema = z.object({
  email: ZEmail,
  name: ZName("name"),
  role: ZRole,
});
export type TUserCreate = z.infer<typeof ZUserCreateSchema>;

export const ZUserRefSchema = z.object({ userId: ZId });
export const ZUserRoleChangeSchema = z.object({ userId: ZId, role: ZRole });
export type TUserRoleChange = z.infer<typeof ZUserRoleChangeSchema>;

/** An invitation the signed-in person accepts or declines. */
export const ZInvitationRefSchema = z.object({ invitationId: ZId });
export type TInvitationRef = z.infer<typeof ZInvitationRefSchema>;
