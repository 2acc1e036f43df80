import { ZOrganizationSettingsSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { updateOrganizationSettings } from "./organizations.commands";
import { organizationOverview, organizationSettings } from "./organizations.queries";

export const organizationsRouter = router({
  settings: orgProcedure("organization.read").query(({ ctx }) => organizationSettings(ctx)),
  updateSettings: orgProcedure("organization.manage")
    .input(ZOrganizationSettingsSchema)
    .mutation(({ ctx, input }) => updateOrganizationSettings(ctx, input)),
  /** The admin's home: how far set-up has come, and what to do next. */
  overview: orgProcedure("organization.manage").query(({ ctx }) => organizationOverview(ctx)),
});
