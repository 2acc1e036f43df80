import { ZIsoDate, ZKpiGetSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSessionUser } from "~/server/auth";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { KpiView } from "./kpi-view";

type Params = Promise<{ id: string }>;
type Search = Promise<{ period?: string }>;

/** The KPI, or null for an id that is not a uuid or not of this organization. Cached per request. */
const loadKpi = cache(async (id: string, period: string | undefined) => {
  const input = ZKpiGetSchema.safeParse({ kpiId: id, period });
  if (!input.success) return null;
  try {
    return { input: input.data, detail: await fetchOnServer(trpc.kpis.get.queryOptions(input.data)) };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
});

/** An unreadable ?period= shows the current quarter rather than an error page. */
const readPeriod = (period: string | undefined) => (period && ZIsoDate.safeParse(period).success ? period : undefined);

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const [{ id }, { period }] = await Promise.all([params, searchParams]);
  const loaded = await loadKpi(id, readPeriod(period));
  return { title: loaded ? loaded.detail.kpi.name : "KPI not found" };
}

export default async function KpiPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  await requireSessionUser();
  const [{ id }, { period }] = await Promise.all([params, searchParams]);
  const loaded = await loadKpi(id, readPeriod(period));
  if (!loaded) notFound();

  const queryClient = getQueryClient();
  // The KPI itself was read above into the same cache: handed to the browser, not fetched again.
  await queryClient.prefetchQuery(trpc.me.get.queryOptions());
  return (
    <HydrateClient>
      <KpiView input={loaded.input} />
    </HydrateClient>
  );
}
