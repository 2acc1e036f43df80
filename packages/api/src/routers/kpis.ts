import { router } from "../trpc";

export const kpisRouter = router({});
