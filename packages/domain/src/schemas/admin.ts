import { z } from "zod";
import { ROLES, TEAM_MEMBER_ROLES } from "../access/roles";
import { ZEmail } from "./auth";
import { ZId, ZIsoDate, ZVersion, zText } from "./common";

const ZName = (what: string) =>
  zText().trim().min(1, `Enter the ${what}.`).max(120, `Keep the ${what} under 120 characters.`);
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

export const ZOrganizationSettingsSchema = z.object({
  version: ZVersion,
  name: ZName("organization name"),
  fiscalYearStartMonth: z
    .number({ error: "Choose a month." })
    .int()
    .min(1, "Month is 1 to 12.")
    .max(12, "Month is 1 to 12."),
  defaultCycleMonths: z
    .number({ error: "Enter a number of months." })
    .int("Use whole months.")
    .min(1, "A cycle lasts 1 to 12 months.")
    .max(12, "A cycle lasts 1 to 12 months."),
});
export type TOrganizationSettings = z.infer<typeof ZOrganizationSettingsSchema>;

export const ZAuditQuerySchema = z
  .object({
    actorId: ZId.optional(),
    entityType: z
      .string()
      .trim()
      .max(40)
      .regex(/^[a-z_]*$/, "Entity type is lower-case letters and underscores.")
      .optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** Opaque position from the previous page. */
    cursor: zText().max(200).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  })
  .default({ limit: 50 });
export type TAuditQuery = z.input<typeof ZAuditQuerySchema>;

export const ZOrganizationSwitchSchema = z.object({ organizationId: ZId });
