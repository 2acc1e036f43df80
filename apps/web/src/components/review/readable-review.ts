import { ZReviewRefSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";

/**
 * What `read` gives for the review with this id, or null where there is none the caller may read
 * (a malformed id, another organization's, an open one for a viewer): the page then answers "not found".
 */
export async function readableReview<T>(
  id: string,
  read: (input: { reviewId: string }) => Promise<T>,
): Promise<T | null> {
  const input = ZReviewRefSchema.safeParse({ reviewId: id });
  if (!input.success) return null;
  try {
    return await read(input.data);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
}
