import { LOW_CONFIDENCE } from "@meridian/domain";

export type ConfidenceLevel = "low" | "medium" | "high";

/** From this confidence up (0–10 scale), a check-in reads as "high". */
export const HIGH_CONFIDENCE = 7;

/**
 * The word for a confidence on the 0–10 scale: low where the status rules
 * start calling an item at risk (LOW_CONFIDENCE and below), high from 7.
 */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence <= LOW_CONFIDENCE) return "low";
  return confidence >= HIGH_CONFIDENCE ? "high" : "medium";
}

/** What the confidence slider shows and a screen reader says: "7 of 10, high". */
export function confidenceText(confidence: number): string {
  if (!Number.isFinite(confidence)) return "not set";
  return `${confidence} of 10, ${confidenceLevel(confidence)}`;
}
