"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { KpiTable } from "./_components/kpi-table";

export function KpisView() {
  const trpc = useTRPC();
  const list = useQuery(trpc.kpis.list.queryOptions({}));
  const me = useQuery(trpc.me.get.queryOptions());
  const canManage = me.data?.permissions.includes("kpi.manage") ?? false;
  const canImport = me.data?.permissions.includes("kpi.actuals.write") ?? false;
  const [search, setSearch] = useState("");

  const kpis = list.data ?? [];
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return kpis;
    return kpis.filter((k) =>
      [k.name, k.owner.name, k.strategicObjective?.name ?? ""].some((s) => s.toLowerCase().includes(q)),
    );
  }, [kpis, search]);
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
      ) : kpis.length === 0 ? (
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
              {kpis.length} KPI{kpis.length === 1 ? "" : "s"}
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
          <KpiTable kpis={shown} />
        </section>
      )}
    </div>
  );
}
