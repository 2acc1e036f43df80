import { router } from "../../trpc";
import { objectiveMutations } from "./mutations";
import { objectiveQueries } from "./queries";

export const objectivesRouter = router({ ...objectiveQueries, ...objectiveMutations });
