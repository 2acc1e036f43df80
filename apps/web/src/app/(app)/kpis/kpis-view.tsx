"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { nextKpiPage } from "./_components/kpi-pages";
import { KpiTable } from "./_components/kpi-table";

export function KpisView() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  // Searched on the server, a moment after the reader stops typing.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useInfiniteQuery({
    ...trpc.kpis.list.infiniteQueryOptions(q ? { q } : {}, { getNextPageParam: nextKpiPage }),
    placeholderData: keepPreviousData,
  });
  const me = useQuery(trpc.me.get.queryOptions());
  const canManage = me.data?.permissions.includes("kpi.manage") ?? false;
  const canImport = me.data?.permissions.includes("kpi.actuals.write") ?? false;

  const kpis = list.data?.pages.flatMap((page) => page.kpis) ?? [];
  const quarter = kpis[0]?.quarter.label;

  return (
    <div className="space-y-6">
      <PageHeader kicker="Balanced scorecard" title="KPIs">
        <div className="flex flex-wrap items-center gap-2">
          {canImport && (
            <Link href="/kpis/import" className={buttonClass("secondary")}>
              Import actuals
            </Link>
          )}
          {canManage && (
            <Link href="/kpis/new" className={buttonClass()}>
              New KPI
            </Link>
          )}
        </div>
      </PageHeader>

      {list.error ? (
        <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-800">
          {list.error.message}
        </p>
      ) : kpis.length === 0 && !q ? (
        <div className={`${ui.card} text-slate-600`}>
          {list.isPending ? (
            <p>Loading…</p>
          ) : (
            <p>
              No KPIs yet.{" "}
              {canManage
                ? "Create the first one: what the organization measures, its goal and its red flag."
                : "Managers and admins define them."}
            </p>
          )}
        </div>
      ) : (
        <section className={`${ui.card} space-y-4 p-0`}>
          <div className="flex flex-wrap items-center justify-between gap-3 px-5 pt-5">
            <p className="text-sm text-slate-600">
              {kpis.length}
              {list.hasNextPage ? "+" : ""} KPI{kpis.length === 1 ? "" : "s"}
              {quarter ? `, scored for ${quarter} so far` : ""}
            </p>
            <label className="flex items-center gap-2 text-sm text-slate-600">
              <span>Filter</span>
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder="Name, owner or objective"
                className={`${ui.input} w-64`}
              />
            </label>
          </div>
          <KpiTable kpis={kpis} />
          {list.hasNextPage && (
            <div className="px-5 pb-5">
              <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                {list.isFetchingNextPage ? "Loading…" : "Load more KPIs"}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
