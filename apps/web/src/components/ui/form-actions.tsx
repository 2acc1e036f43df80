import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button, type ButtonProps } from "./button";

/** A submit button that is disabled and says what is happening while the form is being sent. */
export function SubmitButton({
  pending,
  pendingLabel = "Saving…",
  children,
  ...props
}: Omit<ButtonProps, "type"> & { pending: boolean; pendingLabel?: string }) {
  return (
    <Button type="submit" disabled={pending} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/**
 * The end of a form: its form-level error (role=alert), then the submit button and an optional Cancel.
 * `error` null or empty shows nothing.
 */
export function FormActions({
  submitLabel,
  pendingLabel = "Saving…",
  pending,
  onCancel,
  cancelLabel = "Cancel",
  error,
  className = "flex gap-2",
}: {
  submitLabel: string;
  pendingLabel?: string;
  pending: boolean;
  /** Shows a Cancel button that calls it. */
  onCancel?: () => void;
  cancelLabel?: string;
  error?: ReactNode;
  /** The row holding the buttons. */
  className?: string;
}) {
  return (
    <>
      <Alert tone="error">{error}</Alert>
      <div className={className}>
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
        )}
      </div>
    </>
  );
}
