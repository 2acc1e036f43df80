/**
 * The most calls the app's own tRPC client puts in one batch. The server
 * refuses longer batches (`maxBatchCalls` in server/request-limits.ts, never
 * below this), so the two must agree.
 */
export const CLIENT_BATCH_MAX_CALLS = 20;
