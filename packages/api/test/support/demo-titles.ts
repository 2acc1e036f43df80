/**
 * Titles of the demo's objectives that the tests name (the demo is seeded by
 * the app's own seed: packages/db/src/seed/demo-data.ts). PRIVATE is the
 * member's private objective, HIRING a draft, PREVIOUS one of the closed
 * cycle's.
 */
export const DEMO_TITLES = {
  GROWTH: "Grow recurring revenue into a second growth engine",
  PIPELINE: "Build a predictable marketing pipeline",
  WEBINARS: "Make our webinars the place buyers learn the category",
  CLOSE: "Close more of the deals we create",
  RETENTION: "Keep customers longer",
  ADVOCACY: "Turn happy customers into advocates",
  QUALITY: "Ship a product customers can rely on",
  RELIABILITY: "Raise platform reliability to enterprise grade",
  CI: "Cut the time from merge to production",
  PEOPLE: "Be a place great people want to join",
  HIRING: "Hiring plan for the second half",
  PRIVATE: "Grow into a team lead role",
  PREVIOUS: "Prove the mid-market motion",
} as const;
