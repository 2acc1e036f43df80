import {
  ACTION_STATUSES,
  AGGREGATIONS,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  CYCLE_STATUSES,
  EMAIL_STATES,
  KEY_RESULT_TYPES,
  KEY_RESULT_UNITS,
  KPI_ACTUAL_SOURCES,
  KPI_CAMPAIGN_MEASURES,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUSES,
  PROGRESS_SOURCES,
  REVIEW_STATUSES,
  REVIEW_SUBJECT_TYPES,
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
export const kpiDirectionEnum = pgEnum("kpi_direction", KPI_DIRECTIONS);
export const kpiFrequencyEnum = pgEnum("kpi_frequency", KPI_FREQUENCIES);
export const kpiAggregationEnum = pgEnum("kpi_aggregation", AGGREGATIONS);
export const kpiKindEnum = pgEnum("kpi_kind", KPI_KINDS);
export const kpiActualSourceEnum = pgEnum("kpi_actual_source", KPI_ACTUAL_SOURCES);
export const kpiCampaignMeasureEnum = pgEnum("kpi_campaign_measure", KPI_CAMPAIGN_MEASURES);
export const reviewStatusEnum = pgEnum("review_status", REVIEW_STATUSES);
export const reviewSubjectTypeEnum = pgEnum("review_subject_type", REVIEW_SUBJECT_TYPES);
export const actionStatusEnum = pgEnum("action_status", ACTION_STATUSES);
export const campaignChannelEnum = pgEnum("campaign_channel", CAMPAIGN_CHANNELS);
export const campaignStatusEnum = pgEnum("campaign_status", CAMPAIGN_STATUSES);
export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);
export const notificationChannelEnum = pgEnum("notification_channel", NOTIFICATION_CHANNELS);
/** none: the person takes no email for it; pending → sent, or failed after the last retry. */
export const emailStateEnum = pgEnum("email_state", EMAIL_STATES);
