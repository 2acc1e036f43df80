import { describeActivity, formatDateTime } from "~/components/ui/format";
import { ui } from "~/components/ui/styles";
import type { ActivityEntry } from "./types";

/** Who changed what on this objective and its key results, newest first. */
export function ActivityList({ activity }: { activity: readonly ActivityEntry[] }) {
  return (
    <section aria-labelledby="activity-heading" className={ui.card}>
      <h2 id="activity-heading" className="text-lg font-semibold text-slate-900">
        Activity
      </h2>
      {activity.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">Nothing has happened here yet.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {activity.map((entry) => (
            <li key={entry.id} className="flex gap-3 text-sm">
              <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-indigo-300" />
              <div className="min-w-0">
                <p className="text-slate-700">
                  <span className="font-medium text-slate-900">{entry.actorName ?? "Meridian"}</span>{" "}
                  {describeActivity(entry)}
                </p>
                <time dateTime={entry.createdAt} className="text-xs text-slate-500">
                  {formatDateTime(entry.createdAt)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
