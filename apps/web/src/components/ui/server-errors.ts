import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

interface ServerErrorShape {
  message?: string;
  data?: { fieldErrors?: Record<string, string[] | undefined> | null; current?: Record<string, unknown> | null } | null;
}

/**
 * Puts the API's per-field validation messages beside their fields. Returns the
 * message to show above the form when the error concerns no particular field.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string | null {
  const shape = error as ServerErrorShape;
  const fieldErrors = Object.entries(shape.data?.fieldErrors ?? {}).filter(([, messages]) => messages?.length);
  for (const [field, messages] of fieldErrors) setError(field as Path<T>, { message: messages?.[0] });
  return fieldErrors.length ? null : (shape.message ?? "Something went wrong. Try again.");
}

/** The record as it is now, sent with an edit-conflict error. */
export function conflictCurrent(error: unknown): Record<string, unknown> | null {
  return (error as ServerErrorShape).data?.current ?? null;
}
