// Zod input schemas for the strategy map's cause → effect links, shared by the API and the map.
import { z } from "zod";
import { ZId } from "./common";

/** A cause → effect arrow between two strategic objectives. */
export const ZStrategyLinkSchema = z.object({ causeId: ZId, effectId: ZId }).refine((l) => l.causeId !== l.effectId, {
  path: ["effectId"],
  message: "A strategic objective cannot be its own cause; choose two different objectives.",
});
export type TStrategyLink = z.input<typeof ZStrategyLinkSchema>;

export const ZStrategyUnlinkSchema = z.object({ linkId: ZId });
export type TStrategyUnlink = z.input<typeof ZStrategyUnlinkSchema>;
