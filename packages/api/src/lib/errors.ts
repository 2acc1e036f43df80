import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";

/**
 * A 400 for input that passed the schema but breaks a rule needing the database
 * (say, a value the key result's type does not allow). Shaped like a schema
 * failure, so forms show it beside the field it concerns.
 */
export function invalidInput(field: string, message: string): TRPCError {
  // ZodRealError, unlike ZodError, is an Error: tRPC keeps it as the cause instead of wrapping it.
  const cause = new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]);
  return new TRPCError({ code: "BAD_REQUEST", message, cause });
}
