import type { FormEventHandler, ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/form-actions";

/**
 * A small form below one of the KPI page's lists (targets, benchmarks): a titled box, a row of three
 * fields, then the save button with the form's error and, once saved, what happened.
 */
export function EntryForm({
  label,
  title,
  onSubmit,
  pending,
  submitLabel,
  failure,
  note,
  saved,
  children,
}: {
  label: string;
  title: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  submitLabel: string;
  failure: string | null;
  /** A line under the fields (how to type the value). */
  note?: string | undefined;
  saved?: string | null;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="rounded-xl border border-slate-200 p-3">
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-3 sm:items-start">{children}</div>
      {note && <p className="mt-2 text-xs text-slate-500">{note}</p>}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Alert>{failure}</Alert>
        {saved && (
          <output className="text-sm text-emerald-700" aria-live="polite">
            {saved}
          </output>
        )}
      </div>
    </form>
  );
}

/** The quiet "Remove" at the end of a list row; its label names what goes. */
export function RemoveButton({ label, pending, onClick }: { label: string; pending: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="text-xs font-medium text-rose-700 hover:underline disabled:opacity-50"
      aria-label={label}
      disabled={pending}
      onClick={onClick}
    >
      Remove
    </button>
  );
}
