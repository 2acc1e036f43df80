import type { CampaignChannel } from "@meridian/domain";

/** One colour per channel, dark enough for white text (WCAG AA at 14 px). */
export const CHANNEL_COLORS: Record<CampaignChannel, string> = {
  email: "#4338ca",
  paid_search: "#0f766e",
  paid_social: "#be185d",
  organic_social: "#7c3aed",
  content: "#b45309",
  events: "#1d4ed8",
  partnerships: "#15803d",
  other: "#475569",
};
