import {
  CYCLE_STATUSES,
  KEY_RESULT_TYPES,
  KEY_RESULT_UNITS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUSES,
  PROGRESS_SOURCES,
  ROLES,
  TEAM_MEMBER_ROLES,
  VISIBILITIES,
} from "@meridian/domain";
import { pgEnum } from "drizzle-orm/pg-core";

// The value lists live in @meridian/domain; the database mirrors them.
export const roleEnum = pgEnum("role", ROLES);
export const teamMemberRoleEnum = pgEnum("team_member_role", TEAM_MEMBER_ROLES);
export const cycleStatusEnum = pgEnum("cycle_status", CYCLE_STATUSES);
export const objectiveLevelEnum = pgEnum("objective_level", OBJECTIVE_LEVELS);
export const objectiveStatusEnum = pgEnum("objective_status", OBJECTIVE_STATUSES);
export const visibilityEnum = pgEnum("visibility", VISIBILITIES);
export const progressSourceEnum = pgEnum("progress_source", PROGRESS_SOURCES);
export const keyResultTypeEnum = pgEnum("key_result_type", KEY_RESULT_TYPES);
export const keyResultUnitEnum = pgEnum("key_result_unit", KEY_RESULT_UNITS);
