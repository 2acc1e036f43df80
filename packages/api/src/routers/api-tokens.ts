import { router } from "../trpc";

export const apiTokensRouter = router({});
