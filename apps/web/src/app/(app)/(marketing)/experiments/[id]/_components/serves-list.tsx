import Link from "next/link";
import type { ExperimentPage } from "./types";

const linkClass = "font-medium text-indigo-700 hover:underline";

/** What the experiment serves, each a link to its page: the key result (on its objective), the KPI, the campaign. */
export function ServesList({ experiment }: { experiment: ExperimentPage["experiment"] }) {
  const { keyResult, kpi, campaign } = experiment;
  if (!keyResult && !kpi && !campaign) return null;
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]" aria-label="Serves">
      {keyResult && (
        <>
          <dt className="text-slate-500">Key result</dt>
          <dd>
            <Link className={linkClass} href={`/objectives/${keyResult.objectiveId}`}>
              {keyResult.title}
            </Link>
          </dd>
        </>
      )}
      {kpi && (
        <>
          <dt className="text-slate-500">KPI</dt>
          <dd>
            <Link className={linkClass} href={`/kpis/${kpi.id}`}>
              {kpi.name}
            </Link>
          </dd>
        </>
      )}
      {campaign && (
        <>
          <dt className="text-slate-500">Campaign</dt>
          <dd>
            <Link className={linkClass} href={`/campaigns/${campaign.id}`}>
              {campaign.name}
            </Link>
          </dd>
        </>
      )}
    </dl>
  );
}
