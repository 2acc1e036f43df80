"use client";

import type { KeyResultView } from "@meridian/api";
import { KEY_RESULT_TYPE_LABELS } from "@meridian/domain";
import { useState } from "react";
import { CheckInForm } from "./check-in-form";
import { formatTarget, formatValue } from "./format";
import { ProgressBar } from "./progress-bar";

export function KeyResultRow({
  keyResult: kr,
  expected,
  objectiveTitle,
}: {
  keyResult: KeyResultView;
  expected: number;
  /** Shown above the key result where it appears outside its objective. */
  objectiveTitle?: string;
}) {
  const [checkingIn, setCheckingIn] = useState(false);
  return (
    <li className="py-3">
      <div className="grid grid-cols-1 items-center gap-x-6 gap-y-2 md:grid-cols-[minmax(0,1fr)_16rem_5.5rem]">
        <div className="min-w-0">
          {objectiveTitle && <p className="truncate text-xs text-slate-500">{objectiveTitle}</p>}
          <p className="truncate text-sm font-medium text-slate-800">{kr.title}</p>
          <p className="mt-0.5 text-xs text-slate-500">
            {KEY_RESULT_TYPE_LABELS[kr.type]} ·{" "}
            {kr.currentValue === null ? (
              "no check-in yet"
            ) : (
              <>
                now <span className="font-medium text-slate-700">{formatValue(kr, kr.currentValue)}</span>
              </>
            )}{" "}
            · target {formatTarget(kr)} · {kr.owner.name}
            {kr.currentConfidence !== null && ` · confidence ${kr.currentConfidence}/10`}
          </p>
        </div>
        <ProgressBar
          size="sm"
          progress={kr.progress}
          expected={expected}
          status={kr.status}
          label={`Progress of ${kr.title}`}
        />
        <div className="flex justify-end">
          {kr.canCheckIn && !checkingIn && (
            <button
              type="button"
              onClick={() => setCheckingIn(true)}
              aria-label={`Check in on ${kr.title}`}
              className="rounded-md border border-indigo-200 px-2.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
            >
              Check in
            </button>
          )}
        </div>
      </div>
      {checkingIn && <CheckInForm keyResult={kr} onDone={() => setCheckingIn(false)} />}
    </li>
  );
}
