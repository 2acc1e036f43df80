import { ZExperimentGetSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { requirePermission } from "~/server/permissions";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { EditExperiment } from "./edit-experiment";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Edit experiment" };

/** The experiment's edit form: the create form opened on it. A concluded one, or one the caller may not change, shows its page. */
export default async function EditExperimentPage({ params }: { params: Params }) {
  const me = await requirePermission("experiment.write");
  const input = ZExperimentGetSchema.safeParse({ experimentId: (await params).id });
  if (!input.success) notFound();
  const page = await fetchOnServer(trpc.experiments.get.queryOptions(input.data)).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!page.canEdit) redirect(`/experiments/${input.data.experimentId}`);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.teams.list.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-3xl space-y-6">
        <PageHeader kicker="Edit experiment" title={page.experiment.name}>
          <Link
            href={`/experiments/${page.experiment.id}`}
            className="text-sm font-medium text-indigo-600 hover:underline"
          >
            Back to the experiment
          </Link>
        </PageHeader>
        <section className={ui.card}>
          <EditExperiment experimentId={page.experiment.id} userId={me.user.id} />
        </section>
      </div>
    </HydrateClient>
  );
}
