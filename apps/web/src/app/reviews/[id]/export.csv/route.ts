import { reviewCsv, ZReviewRefSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getSessionUser } from "~/server/auth";
import { getCaller } from "~/trpc/server";

/**
 * The review as CSV, for spreadsheets and board packs. Read through the tRPC
 * server caller, so the same permissions apply as on the page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue.", { status: 401, headers: { "Content-Type": "text/plain" } });
  const input = ZReviewRefSchema.safeParse({ reviewId: (await params).id });
  if (!input.success)
    return new Response("No such review.", { status: 404, headers: { "Content-Type": "text/plain" } });
  try {
    const review = await (await getCaller()).reviews.get(input.data);
    // A byte-order mark, so spreadsheet programs read the file as UTF-8 (names with accents, "—").
    const body = `\uFEFF${reviewCsv(review.snapshot, review.comments, review.actions)}\r\n`;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName(review.title)}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      const status = error.code === "FORBIDDEN" ? 404 : getHTTPStatusCodeFromError(error);
      return new Response(status === 404 ? "No such review." : error.message, {
        status,
        headers: { "Content-Type": "text/plain" },
      });
    }
    throw error;
  }
}

/** "Q3 2026 review — Northwind Labs" → "q3-2026-review-northwind-labs.csv": safe in a header and on any disk. */
function fileName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "review"}.csv`;
}
