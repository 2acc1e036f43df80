import { type CycleTiming, earlyFinalizeWarning } from "@meridian/domain";

const READ_ONLY = "Commentary and actions of this review become read-only.";

/**
 * What the Finalize confirmation asks: before the cycle has ended, how much of
 * it has passed ("62 % of Q3 2026 has passed — finalize anyway?"), then what
 * finalizing does. Kept apart from the button, so other checks can join the confirmation.
 */
export function finalizeQuestion(cycle: { name: string; timing: CycleTiming }): string {
  const early = earlyFinalizeWarning(cycle.name, cycle.timing);
  return early ? `${early} ${READ_ONLY}` : `Finalize? ${READ_ONLY}`;
}
