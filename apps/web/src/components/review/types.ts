import type { AppRouter } from "@meridian/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type ReviewDetail = Outputs["reviews"]["get"];
/** A review as its page first reads it: `get`'s answer with the snapshot's outline in place of the snapshot. */
export type ReviewOutlineDetail = Outputs["reviews"]["outline"];
export type ReviewOutline = ReviewOutlineDetail["outline"];
export type ReviewListItem = Outputs["reviews"]["list"][number];
export type ReviewComparison = Outputs["reviews"]["compare"];
export type ReviewAction = ReviewDetail["actions"][number];
export type ReviewCommentEntry = ReviewDetail["comments"][number];
export type OpenAction = Outputs["correctiveActions"]["listOpen"][number];
