import { type ReactNode, useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { Button, type ButtonVariant } from "~/components/ui/button";
import { SubmitButton } from "~/components/ui/form-actions";
import { CompactField } from "./compact-field";
import { confidenceLevel, confidenceText } from "./confidence";

const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

type CheckInField = "value" | "confidence" | "comment";

/**
 * The inside of a check-in form (a new one, or the correction of one): value or milestone status,
 * confidence, comment, then Save and Cancel and the form's error. Laid out as the four cells of the
 * form's grid; the form chooses the columns.
 */
export function CheckInFields({
  milestone,
  valueLabel,
  commentPlaceholder,
  fields,
  confidence,
  errors,
  pending,
  onCancel,
  cancelVariant,
  extraActions,
  error,
}: {
  milestone: boolean;
  /** The value's label when it is a number ("New value", "Value"); a milestone's is "Status". */
  valueLabel: string;
  commentPlaceholder?: string;
  /** react-hook-form's registrations; value and confidence with `valueAsNumber`. */
  fields: Record<CheckInField, UseFormRegisterReturn>;
  /** The confidence as the form holds it now (react-hook-form's `watch`), shown beside the slider. */
  confidence: number;
  errors: Partial<Record<CheckInField, { message?: string | undefined }>>;
  pending: boolean;
  onCancel: () => void;
  cancelVariant: ButtonVariant;
  /** More buttons after Cancel (the weekly check-in's Skip). */
  extraActions?: ReactNode;
  error?: ReactNode;
}) {
  const id = useId();
  return (
    <>
      <CompactField id={`${id}-value`} label={milestone ? "Status" : valueLabel} error={errors.value?.message}>
        {milestone ? (
          <select id={`${id}-value`} className={inputClass} {...fields.value}>
            <option value={0}>Not done</option>
            <option value={1}>Done</option>
          </select>
        ) : (
          <input
            id={`${id}-value`}
            type="number"
            step="any"
            inputMode="decimal"
            aria-invalid={Boolean(errors.value)}
            className={inputClass}
            {...fields.value}
          />
        )}
      </CompactField>
      <CompactField id={`${id}-confidence`} label="Confidence" error={errors.confidence?.message}>
        {/* A slider, not a bare number box: the value and its word (low / medium / high) shown and spoken. */}
        <input
          id={`${id}-confidence`}
          type="range"
          min={0}
          max={10}
          step={1}
          aria-valuetext={confidenceText(confidence)}
          aria-describedby={`${id}-confidence-text`}
          aria-invalid={Boolean(errors.confidence)}
          className="mt-2 w-full accent-indigo-600"
          {...fields.confidence}
        />
        <output id={`${id}-confidence-text`} htmlFor={`${id}-confidence`} className="block text-xs text-slate-700">
          <span className="font-semibold tabular-nums">{Number.isFinite(confidence) ? confidence : "–"}</span>
          <span className="text-slate-600">
            {" "}
            / 10 · {Number.isFinite(confidence) ? confidenceLevel(confidence) : "not set"}
          </span>
        </output>
      </CompactField>
      <CompactField id={`${id}-comment`} label="Comment" error={errors.comment?.message}>
        <input
          id={`${id}-comment`}
          type="text"
          placeholder={commentPlaceholder}
          className={inputClass}
          {...fields.comment}
        />
      </CompactField>
      <div className="flex items-end gap-2">
        <SubmitButton pending={pending}>Save check-in</SubmitButton>
        <Button variant={cancelVariant} onClick={onCancel}>
          Cancel
        </Button>
        {extraActions}
      </div>
      <Alert className="sm:col-span-4">{error}</Alert>
    </>
  );
}
