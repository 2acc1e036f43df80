/**
 * The one error type of the API's own code. Queries, commands and routers
 * throw it; `trpc.ts` turns it into a tRPC error in one place, so no module
 * needs to know how errors travel to the client.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Messages per input field, shown beside the fields by forms (as schema failures are). */
    readonly fieldErrors?: Record<string, string[]>,
    /** On an edit conflict, what the record holds now, for the client to show. */
    readonly current?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * A 400 for input that passed the schema but breaks a rule needing the database
 * (say, a value the key result's type does not allow). Shaped like a schema
 * failure, so forms show it beside the field it concerns.
 */
export function invalidInput(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, { [field]: [message] });
}

/** A 400 with several messages for one field (say, every bad row of an import), listed beside it. */
export function invalidInputs(field: string, summary: string, messages: string[]): AppError {
  return new AppError("BAD_REQUEST", summary, { [field]: [summary, ...messages] });
}

export function badRequest(message: string): AppError {
  return new AppError("BAD_REQUEST", message);
}

export function notFound(message: string): AppError {
  return new AppError("NOT_FOUND", message);
}

export function forbidden(message: string): AppError {
  return new AppError("FORBIDDEN", message);
}

/** The request is well formed but the record's state refuses it (a closed cycle, a finalized review). */
export function preconditionFailed(message: string): AppError {
  return new AppError("PRECONDITION_FAILED", message);
}

export function conflict(message: string): AppError {
  return new AppError("CONFLICT", message);
}

/** The error for an update that names a version someone else has already replaced. */
export function editConflict(what: string, current: Record<string, unknown>): AppError {
  return new AppError(
    "CONFLICT",
    `Someone else changed this ${what} after you opened it. Review the current values and try again.`,
    undefined,
    current,
  );
}
