import { router } from "../../trpc";
import { objectiveQueries } from "./objectives.reads";
import { objectiveMutations } from "./objectives.writes";

export const objectivesRouter = router({ ...objectiveQueries, ...objectiveMutations });
