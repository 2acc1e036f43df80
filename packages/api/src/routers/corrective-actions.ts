import { router } from "../trpc";

export const correctiveActionsRouter = router({});
