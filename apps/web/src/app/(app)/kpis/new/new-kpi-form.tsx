"use client";

import type { Role } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { KpiForm } from "~/components/kpi/kpi-form";
import { PageHeader } from "~/components/ui/field";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

export function NewKpiForm({ role, userId }: { role: Role; userId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateKpis();
  const create = useMutation(trpc.kpis.create.mutationOptions());

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader kicker="KPIs" title="New KPI">
        <Link href="/kpis" className="text-sm font-medium text-indigo-600 hover:underline">
          Back to KPIs
        </Link>
      </PageHeader>
      <KpiForm
        role={role}
        userId={userId}
        submitLabel="Create KPI"
        defaultValues={{
          name: "",
          description: "",
          unit: "",
          direction: "higher_is_better",
          frequency: "monthly",
          aggregation: "sum",
          goal: Number.NaN,
          redFlag: Number.NaN,
          weight: 1,
          ownerId: userId,
          strategicObjectiveId: null,
          kind: "manual",
          inputAId: null,
          inputBId: null,
          campaignMeasure: "spend",
          campaignChannel: null,
          currency: "EUR",
        }}
        onSubmit={async (values) => {
          const created = await create.mutateAsync(values);
          await invalidate();
          router.push(`/kpis/${created.id}`);
        }}
        onCancel={() => router.push("/kpis")}
      />
    </div>
  );
}
