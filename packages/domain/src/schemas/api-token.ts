// Zod input schemas for API tokens, shared by the API and the forms.
import { z } from "zod";
import { API_SCOPES } from "../integrations/api-scopes";
import { ZId, ZIsoDate, zText } from "./common";

export const ZApiTokenCreateSchema = z.object({
  name: zText()
    .trim()
    .min(1, "Give the token a name, such as the system that will use it.")
    .max(80, "Keep the name under 80 characters."),
  scopes: z
    .array(z.enum(API_SCOPES, "That is not a scope Meridian knows."))
    .min(1, "Choose at least one scope: a token with none can do nothing.")
    .max(API_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Each scope can be chosen once."),
  /** The last day the token works (through the end of that day, UTC); none means until revoked. */
  expiresOn: ZIsoDate.nullish(),
});
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreateSchema>;

export const ZApiTokenRevokeSchema = z.object({ tokenId: ZId });
export type TApiTokenRevoke = z.infer<typeof ZApiTokenRevokeSchema>;
