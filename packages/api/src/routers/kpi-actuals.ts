import { router } from "../trpc";

export const kpiActualsRouter = router({});
