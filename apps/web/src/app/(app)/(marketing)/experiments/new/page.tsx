import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentForm } from "~/components/experiments/experiment-form";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage() {
  const me = await requirePermission("experiment.write");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.teams.list.queryOptions());
  return (
    <HydrateClient>
      <div className="max-w-3xl space-y-6">
        <PageHeader kicker="Experiments" title="New experiment">
          <Link href="/experiments" className="text-sm font-medium text-indigo-600 hover:underline">
            Back to experiments
          </Link>
        </PageHeader>
        <section className={ui.card}>
          <ExperimentForm userId={me.user.id} />
        </section>
      </div>
    </HydrateClient>
  );
}
