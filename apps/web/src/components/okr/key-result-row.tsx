"use client";

import type { KeyResultView } from "~/trpc/types";
import { CheckInForm } from "./check-in-form";
import { CheckInButton, KeyResultFacts } from "./key-result-parts";
import { KeyResultProgress } from "./progress-bar";
import { CheckInSavedStatus, useCheckInOpener } from "./use-check-in-opener";

export function KeyResultRow({
  keyResult: kr,
  expected,
  objectiveTitle,
  onSaved,
}: {
  keyResult: KeyResultView;
  expected: number;
  /** Shown above the key result where it appears outside its objective. */
  objectiveTitle?: string;
  /** A list the row leaves once checked in announces the save and takes the focus itself. */
  onSaved?: (title: string) => void;
}) {
  const checkIn = useCheckInOpener(onSaved && (() => onSaved(kr.title)));
  return (
    <li className="py-3">
      <div className="grid grid-cols-1 items-center gap-x-6 gap-y-2 md:grid-cols-[minmax(0,1fr)_16rem_5.5rem]">
        <div className="min-w-0">
          {objectiveTitle && <p className="truncate text-xs text-slate-500">{objectiveTitle}</p>}
          <p className="truncate text-sm font-medium text-slate-800">{kr.title}</p>
          <KeyResultFacts keyResult={kr} />
        </div>
        <KeyResultProgress keyResult={kr} expected={expected} />
        <div className="flex justify-end">
          {kr.canCheckIn && !checkIn.open && (
            <CheckInButton ref={checkIn.opener} title={kr.title} onClick={checkIn.show} />
          )}
        </div>
      </div>
      {checkIn.open && <CheckInForm keyResult={kr} onClose={checkIn.close} />}
      <CheckInSavedStatus title={kr.title} saved={checkIn.saved} />
    </li>
  );
}
