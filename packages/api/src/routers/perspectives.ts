import { router } from "../trpc";

export const perspectivesRouter = router({});
