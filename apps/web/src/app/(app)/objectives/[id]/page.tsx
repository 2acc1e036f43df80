import { ZObjectiveIdSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "~/server/auth";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ObjectiveView } from "./objective-view";

type Params = Promise<{ id: string }>;

/**
 * The objective, or null where the caller may not see it: an id that is not a
 * uuid, another organization's or a private objective, one that is archived.
 * Cached per request, so the title and the page ask the API once.
 */
const loadObjective = cache(async (id: string) => {
  const input = ZObjectiveIdSchema.safeParse({ objectiveId: id });
  if (!input.success) return null;
  try {
    return await fetchOnServer(trpc.objectives.get.queryOptions(input.data));
  } catch (error) {
    // Not visible is not found; so is having no organization to look in.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const detail = await loadObjective(id);
  return { title: detail ? detail.objective.title : "Objective not found" };
}

export default async function ObjectivePage({ params }: { params: Params }) {
  await requireSessionUser();
  const { id } = await params;
  const detail = await loadObjective(id);
  if (!detail) notFound();

  const queryClient = getQueryClient();
  // The objective itself was read above into the same cache: handed to the browser, not fetched again.
  await Promise.all([
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <ObjectiveView objectiveId={id} />
    </HydrateClient>
  );
}
