import { router } from "../trpc";

export const scorecardRouter = router({});
