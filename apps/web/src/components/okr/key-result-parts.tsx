import { isRangeType, KEY_RESULT_TYPE_LABELS } from "@meridian/domain";
import type { Ref } from "react";
import { formatTarget, formatValue } from "~/components/ui/format";
import type { KeyResultView } from "~/trpc/types";

/**
 * The line under a key result's title: its type, where it stands, its target, owner and latest
 * confidence; `detailed` adds the start of a range and a weight other than 1.
 */
export function KeyResultFacts({ keyResult: kr, detailed = false }: { keyResult: KeyResultView; detailed?: boolean }) {
  return (
    <p className="mt-0.5 text-xs text-slate-500">
      {KEY_RESULT_TYPE_LABELS[kr.type]} ·{" "}
      {kr.currentValue === null ? (
        "no check-in yet"
      ) : (
        <>
          now <span className="font-medium text-slate-700">{formatValue(kr, kr.currentValue)}</span>
        </>
      )}
      {detailed && isRangeType(kr.type) && ` · start ${formatValue(kr, kr.startValue)}`} · target {formatTarget(kr)} ·{" "}
      {kr.owner.name}
      {kr.currentConfidence !== null && ` · confidence ${kr.currentConfidence}/10`}
      {detailed && kr.weight !== 1 && ` · weight ${kr.weight}`}
    </p>
  );
}

/** Opens the check-in form of a key result; named for it, since a page lists several. */
export function CheckInButton({
  title,
  onClick,
  ref,
}: {
  title: string;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      onClick={onClick}
      aria-label={`Check in on ${title}`}
      className="rounded-md border border-indigo-200 px-2.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
    >
      Check in
    </button>
  );
}
