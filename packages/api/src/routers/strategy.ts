import { router } from "../trpc";

export const strategyRouter = router({});
