import type { KpiStatus } from "@meridian/domain";
import { StatusPill as Pill, type StatusTone } from "~/components/ui/status-pill";
import { formatScore, KPI_STATUS_STYLES } from "./status-colours";

const TONES: Record<KpiStatus, StatusTone> = { green: "green", amber: "amber", red: "red", no_data: "grey" };

/** A scorecard status chip: coloured dot and label, optionally with the score ("Green · 6.8"). */
export function StatusPill({ status, score }: { status: KpiStatus; score?: number | null }) {
  return (
    <Pill tone={TONES[status]} label={KPI_STATUS_STYLES[status].label} look="outline">
      {score !== undefined && score !== null ? <span className="tabular-nums">· {formatScore(score)}</span> : null}
    </Pill>
  );
}
