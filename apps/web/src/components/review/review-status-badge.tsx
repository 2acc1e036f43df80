import type { ReviewStatus } from "@meridian/domain";
import { Badge, type BadgeTone } from "~/components/ui/badge";

const STYLES: Record<ReviewStatus, { tone: BadgeTone; label: string }> = {
  open: { tone: "indigo", label: "Open" },
  finalized: { tone: "slate", label: "Finalized" },
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const style = STYLES[status];
  return <Badge tone={style.tone}>{style.label}</Badge>;
}
