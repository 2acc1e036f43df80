// Zod input schemas for API tokens, shared by the API and the forms.
import { z } from "zod";
import { API_SCOPES } from "../integrations/api-scopes";
import { ZId, ZIsoDate, zText } from "./common";

/** The message when a token's expiry date has passed: the API and the form say the same. */
export const EXPIRY_IN_PAST = "Choose an expiry date from today on: a token cannot expire in the past.";

/** Today's date in UTC, the day a token's expiry is counted in. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The last day the token works, through the end of that day (UTC), so the expiry is in the future
 * exactly when the day is today or later. Checked at parse time, on the server as in the form.
 */
export const ZApiTokenExpiresOn = ZIsoDate.refine((day) => day >= todayUtc(), EXPIRY_IN_PAST);

export const ZApiTokenCreateSchema = z.object({
  name: zText()
    .trim()
    .min(1, "Give the token a name, such as the system that will use it.")
    .max(80, "Keep the name under 80 characters."),
  scopes: z
    .array(z.enum(API_SCOPES, "That is not a scope Meridian knows."), "Choose the scopes the token may use.")
    .min(1, "Choose at least one scope: a token with none can do nothing.")
    .max(API_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope can be chosen once."),
  /** None means until revoked. */
  expiresOn: ZApiTokenExpiresOn.nullish(),
});
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreateSchema>;

/**
 * The create form: the same fields, with the date input's text ("" when left empty, for no expiry)
 * turned into the API's `expiresOn`, so the form and the API share every rule.
 */
export const ZApiTokenCreateFormSchema = ZApiTokenCreateSchema.extend({
  expiresOn: z
    .string()
    .transform((day) => day.trim() || null)
    .pipe(ZApiTokenExpiresOn.nullable()),
});
export type TApiTokenCreateForm = z.input<typeof ZApiTokenCreateFormSchema>;

export const ZApiTokenRevokeSchema = z.object({ tokenId: ZId });
export type TApiTokenRevoke = z.infer<typeof ZApiTokenRevokeSchema>;
