import type { RouterOutputs } from "~/trpc/types";

/** The weekly check-in queue as the browser receives it. */
export type CheckInQueue = RouterOutputs["checkIns"]["weekly"];
export type QueuedKeyResult = CheckInQueue["keyResults"][number];
export type DueKpi = CheckInQueue["kpis"][number];
export type AssignedAction = CheckInQueue["actions"][number];
