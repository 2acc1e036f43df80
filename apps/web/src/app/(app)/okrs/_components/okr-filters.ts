import { OBJECTIVE_LEVELS, OBJECTIVE_STATUSES, type TObjectiveList, ZId } from "@meridian/domain";

/** The OKR view's filters as URL parameters: a filtered view can be shared and survives a reload. */
export interface OkrSearchParams {
  cycle?: string;
  team?: string;
  owner?: string;
  level?: string;
  status?: string;
  risk?: string;
  q?: string;
  view?: string;
}

export const FILTER_PARAMS = ["cycle", "team", "owner", "level", "status", "risk", "q", "view"] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);
const id = (value: string | undefined) => {
  const parsed = ZId.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Only well-formed values reach the API; anything else in the URL is ignored rather than an error page. */
export function listInputFrom(params: OkrSearchParams): TObjectiveList {
  const input: NonNullable<TObjectiveList> = {};
  const cycleId = id(params.cycle);
  const teamId = id(params.team);
  const ownerId = id(params.owner);
  if (cycleId) input.cycleId = cycleId;
  if (teamId) input.teamId = teamId;
  if (ownerId) input.ownerId = ownerId;
  if (isOneOf(OBJECTIVE_LEVELS, params.level)) input.level = params.level;
  if (isOneOf(OBJECTIVE_STATUSES, params.status)) input.status = params.status;
  if (params.risk === "1") input.atRisk = true;
  const q = params.q?.trim().slice(0, 100);
  if (q) input.q = q;
  return input;
}

/** The list's cursor for useInfiniteQuery, shared by the server's prefetch and the browser. */
export const nextListPage = (page: { nextCursor: string | null } | null) => page?.nextCursor ?? null;
