// Zod input schema for comments on an objective or a key result, shared by the API and the form.
import { z } from "zod";
import { ZId, zText } from "./common";

export const ZCommentCreateSchema = z
  .object({
    objectiveId: ZId.optional(),
    keyResultId: ZId.optional(),
    body: zText().trim().min(1, "Write a comment.").max(4000, "Keep the comment under 4000 characters."),
  })
  .refine((c) => Boolean(c.objectiveId) !== Boolean(c.keyResultId), {
    message: "A comment belongs to one objective or one key result.",
    path: ["objectiveId"],
  });
export type TCommentCreate = z.input<typeof ZCommentCreateSchema>;
