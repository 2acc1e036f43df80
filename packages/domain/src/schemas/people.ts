// Zod input schemas for listing people (people.list, for choosing owners) and users (users.list, for admins).
import { z } from "zod";
import { ROLES } from "../access/roles";
import { ZId, zText } from "./common";

/** People per page of a list, and the most one page may ask for. */
export const PEOPLE_PAGE_SIZE = 50;
export const PEOPLE_PAGE_MAX = 100;

/**
 * An opaque page cursor the API handed out; null or absent asks for the first page. It carries the
 * last person's name, so it is allowed more room than the shared ZCursor: a 120-character name may
 * take up to 720 bytes of JSON (control characters are escaped as \uXXXX).
 */
const ZPeopleCursor = z.string().max(2048, "This page link is not valid.").nullish();

const peopleListFields = {
  /** Words in the person's name (users.list: or their email), taken literally. */
  q: zText().trim().max(100, "Search for at most 100 characters.").optional(),
  /**
   * Exactly these people (those of them in the organization), all on one page, deactivated ones
   * included: what a form needs to show the names of the people it already holds.
   */
  ids: z.array(ZId).max(PEOPLE_PAGE_MAX, `Ask for at most ${PEOPLE_PAGE_MAX} people at a time.`).optional(),
  cursor: ZPeopleCursor,
  limit: z
    .number({ error: "The page size must be a number." })
    .int("The page size must be a whole number.")
    .min(1, "Ask for at least one.")
    .max(PEOPLE_PAGE_MAX, `Ask for at most ${PEOPLE_PAGE_MAX} at a time.`)
    .default(PEOPLE_PAGE_SIZE),
};

/** The most teams one people.list may filter by: more than anyone leads. */
export const PEOPLE_TEAMS_MAX = 500;

/** people.list: a page of the organization's active people, by name. */
export const ZPeopleListSchema = z
  .object({
    ...peopleListFields,
    /**
     * Only people in any of these teams (as lead or member): a manager's owner candidates, the
     * people of the teams they lead. Another organization's or an archived team matches nobody.
     */
    teamIds: z.array(ZId).max(PEOPLE_TEAMS_MAX, `Filter by at most ${PEOPLE_TEAMS_MAX} teams at a time.`).optional(),
  })
  .default({ limit: PEOPLE_PAGE_SIZE });
export type TPeopleList = z.infer<typeof ZPeopleListSchema>;
export type TPeopleListInput = z.input<typeof ZPeopleListSchema>;

/** users.list: a page of everyone in the organization, by name, for the users admin page. */
export const ZUserListSchema = z
  .object({
    ...peopleListFields,
    role: z.enum(ROLES, { error: "Role must be admin, manager, member or viewer." }).optional(),
    /** true: active people only; false: deactivated ones only; absent: both. */
    active: z.boolean({ error: "Active must be true or false." }).optional(),
  })
  .default({ limit: PEOPLE_PAGE_SIZE });
export type TUserList = z.infer<typeof ZUserListSchema>;
export type TUserListInput = z.input<typeof ZUserListSchema>;
