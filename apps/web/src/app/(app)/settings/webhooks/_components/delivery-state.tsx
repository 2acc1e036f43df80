import { Badge, type BadgeTone } from "~/components/ui/badge";

const STATES: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting", tone: "slate" },
  succeeded: { label: "Succeeded", tone: "emerald" },
  failed: { label: "Failed", tone: "rose" },
  skipped: { label: "Skipped", tone: "amber" },
};

/** A delivery's state in a word: waiting (for its next attempt), succeeded, failed (for good) or skipped. */
export function DeliveryStateBadge({ state }: { state: string }) {
  const shown = STATES[state] ?? { label: state, tone: "slate" as const };
  return <Badge tone={shown.tone}>{shown.label}</Badge>;
}
