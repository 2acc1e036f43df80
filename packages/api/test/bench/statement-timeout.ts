/**
 * The app's server pool cancels a statement after 15 s, a bound for requests. Generating the full
 * company runs single statements of a minute or more on a busy machine (a million check-ins), so the
 * benchmarks' pools allow ten minutes.
 */
export const BENCH_STATEMENT_TIMEOUT_MS = 10 * 60_000;
