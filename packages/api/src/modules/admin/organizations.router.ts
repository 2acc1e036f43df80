import { ZOrganizationSettingsSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { updateOrganizationSettings } from "./organizations.commands";
import { organizationOverview, organizationSettings } from "./organizations.queries";

const read = orgProcedure("organization.read");
const manage = orgProcedure("organization.manage");

export const organizationsRouter = router({
  settings: read.query(({ ctx }) => organizationSettings(ctx)),
  updateSettings: manage
    .input(ZOrganizationSettingsSchema)
    .mutation(({ ctx, input }) => updateOrganizationSettings(ctx, input)),
  /** The admin's home: how far set-up has come, and what to do next. */
  overview: manage.query(({ ctx }) => organizationOverview(ctx)),
});
