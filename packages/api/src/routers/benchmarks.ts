import { router } from "../trpc";

export const benchmarksRouter = router({});
