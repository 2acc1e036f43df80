import { Button } from "~/components/ui/button";

/**
 * A destructive action in two steps, asked in place: the button, then Confirm and Cancel beside
 * each other. The caller holds whether it is asking, so only one row of a list asks at a time.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  confirmAriaLabel,
  asking,
  onAsk,
  onConfirm,
}: {
  label: string;
  ariaLabel?: string;
  confirmLabel: string;
  confirmAriaLabel?: string;
  asking: boolean;
  /** true: ask; false: the question is withdrawn (Cancel). */
  onAsk: (asking: boolean) => void;
  onConfirm: () => void;
}) {
  if (!asking) {
    return (
      <Button variant="danger" aria-label={ariaLabel} onClick={() => onAsk(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="inline-flex gap-2">
      <Button variant="danger" aria-label={confirmAriaLabel} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="secondary" onClick={() => onAsk(false)}>
        Cancel
      </Button>
    </span>
  );
}
