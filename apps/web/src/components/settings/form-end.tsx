import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";

/**
 * The end of a one-row create form on a grid: its submit button in the last column (disabled while
 * sending, same text), then the form's error across the whole row.
 */
export function GridFormEnd({
  label,
  pending,
  error,
  buttonCell = "flex items-end",
  errorCell,
}: {
  label: string;
  pending: boolean;
  error: string | null;
  /** The button's cell: aligned with the inputs below their labels. */
  buttonCell?: string;
  /** The error's cell, spanning the grid's columns (e.g. "sm:col-span-3"). */
  errorCell: string;
}) {
  return (
    <>
      <div className={buttonCell}>
        <Button type="submit" disabled={pending}>
          {label}
        </Button>
      </div>
      <div className={errorCell}>
        <Alert>{error}</Alert>
      </div>
    </>
  );
}
