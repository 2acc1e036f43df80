import { EXPERIMENT_STATUS_LABELS, type ExperimentStatus, type VerdictKind } from "@meridian/domain";
import { Badge, type BadgeTone } from "~/components/ui/badge";

const STATUS_TONES: Record<ExperimentStatus, BadgeTone> = {
  draft: "slate",
  running: "indigo",
  stopped: "amber",
  concluded: "emerald",
};

export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{EXPERIMENT_STATUS_LABELS[status]}</Badge>;
}

export const VERDICT_LABELS: Record<VerdictKind, string> = {
  not_enough_data: "Not enough data",
  sample_ratio_mismatch: "Sample-ratio mismatch",
  collecting: "Collecting",
  treatment_wins: "Treatment wins",
  control_wins: "Control wins",
  no_difference: "No difference",
};

const VERDICT_TONES: Record<VerdictKind, BadgeTone> = {
  not_enough_data: "slate",
  sample_ratio_mismatch: "rose",
  collecting: "violet",
  treatment_wins: "emerald",
  control_wins: "amber",
  no_difference: "slate",
};

export function VerdictBadge({ verdict }: { verdict: VerdictKind }) {
  return <Badge tone={VERDICT_TONES[verdict]}>{VERDICT_LABELS[verdict]}</Badge>;
}
