import type { AppRouter } from "@meridian/api";
import { EXPERIMENT_DECISION_LABELS } from "@meridian/domain";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { ExperimentStatusBadge } from "~/components/experiments/experiment-badges";
import { ui } from "~/components/ui/styles";

type Campaign = inferRouterOutputs<AppRouter>["campaigns"]["get"];
const linkClass = "font-medium text-indigo-700 hover:underline";

/** What the campaign serves (objective, key result, strategic objective) and the experiments run within it. */
export function CampaignLinks({ campaign: c }: { campaign: Campaign }) {
  const serves = [
    c.objective && { label: "Objective", name: c.objective.name, href: `/objectives/${c.objective.id}` },
    c.keyResult && { label: "Key result", name: c.keyResult.name, href: `/objectives/${c.keyResult.objectiveId}` },
    c.strategicObjective && { label: "Strategic objective", name: c.strategicObjective.name, href: "/strategy-map" },
  ].filter((x) => x !== null);
  return (
    <section className={`${ui.card} grid gap-6 text-sm md:grid-cols-2`} aria-label="Links">
      <div>
        <h2 className="text-base font-semibold text-slate-900">Serves</h2>
        {serves.length === 0 ? (
          <p className="mt-2 text-slate-600">No objective, key result or strategic objective linked.</p>
        ) : (
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
            {serves.map((s) => (
              <div key={s.label} className="contents">
                <dt className="text-slate-500">{s.label}</dt>
                <dd>
                  <Link className={linkClass} href={s.href}>
                    {s.name}
                  </Link>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div>
        <h2 className="text-base font-semibold text-slate-900">Experiments in this campaign</h2>
        {c.experiments.length === 0 ? (
          <p className="mt-2 text-slate-600">
            No experiment names this campaign yet (choose it on the experiment's form).
          </p>
        ) : (
          <ul className="mt-2 space-y-1">
            {c.experiments.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-2">
                <Link className={linkClass} href={`/experiments/${e.id}`}>
                  {e.name}
                </Link>
                <ExperimentStatusBadge status={e.status} />
                {e.decision && <span className="text-slate-600">{EXPERIMENT_DECISION_LABELS[e.decision]}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
