// Zod input schemas for the organization (its settings, switching to another), shared by the API and the forms.
import { z } from "zod";
import { ZId, ZName, ZVersion } from "./common";

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

export const ZOrganizationSwitchSchema = z.object({ organizationId: ZId });
