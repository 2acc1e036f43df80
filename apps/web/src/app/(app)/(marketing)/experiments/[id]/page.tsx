import { ZExperimentGetSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "~/server/auth";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ExperimentView } from "./experiment-view";

type Params = Promise<{ id: string }>;

/** The experiment, or null for an id that is not a uuid or not of this organization. Cached per request. */
const loadExperiment = cache(async (id: string) => {
  const input = ZExperimentGetSchema.safeParse({ experimentId: id });
  if (!input.success) return null;
  try {
    return { input: input.data, page: await fetchOnServer(trpc.experiments.get.queryOptions(input.data)) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await loadExperiment((await params).id);
  return { title: loaded ? loaded.page.experiment.name : "Experiment not found" };
}

export default async function ExperimentPage({ params }: { params: Params }) {
  await requireSessionUser();
  const loaded = await loadExperiment((await params).id);
  if (!loaded) notFound();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.me.get.queryOptions());
  return (
    <HydrateClient>
      <ExperimentView experimentId={loaded.input.experimentId} />
    </HydrateClient>
  );
}
