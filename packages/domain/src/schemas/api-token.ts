// Zod input schemas for API tokens, shared by the API and the forms.
import { z } from "zod";
import { ZId, zText } from "./common";

export const ZApiTokenCreateSchema = z.object({
  name: zText()
    .trim()
    .min(1, "Give the token a name, such as the system that will use it.")
    .max(80, "Keep the name under 80 characters."),
});
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreateSchema>;

export const ZApiTokenRevokeSchema = z.object({ tokenId: ZId });
export type TApiTokenRevoke = z.infer<typeof ZApiTokenRevokeSchema>;
