import { describe, expect, it } from "vitest";
import { PEOPLE_PAGE_SIZE, ZPeopleListSchema, ZUserListSchema } from "./people";

const ID = "6F1C1A52-8A3E-4C0E-9D57-1B2F8F0E7A11";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("ZPeopleListSchema and ZUserListSchema", () => {
  it("asks for the first page of 50 when given nothing", () => {
    expect(ZPeopleListSchema.parse(undefined)).toEqual({ limit: PEOPLE_PAGE_SIZE });
    expect(ZUserListSchema.parse({})).toEqual({ limit: PEOPLE_PAGE_SIZE });
  });

  it("trims the search, lower-cases ids and keeps the filters", () => {
    expect(ZPeopleListSchema.parse({ q: "  Ada ", ids: [ID], limit: 10 })).toEqual({
      q: "Ada",
      ids: [ID.toLowerCase()],
      limit: 10,
    });
    expect(ZUserListSchema.parse({ role: "viewer", active: false, cursor: null })).toMatchObject({
      role: "viewer",
      active: false,
      cursor: null,
    });
  });

  it.each([
    [{ limit: 0 }, "Ask for at least one."],
    [{ limit: 1000 }, "Ask for at most 100 at a time."],
    [{ limit: 2.5 }, "The page size must be a whole number."],
    [{ limit: "50" }, "The page size must be a number."],
    [{ ids: Array.from({ length: 101 }, () => ID) }, "Ask for at most 100 people at a time."],
    [{ ids: ["not-an-id"] }, "Must be a valid id."],
    [{ q: "x".repeat(101) }, "Search for at most 100 characters."],
    [{ q: "a\u0000b" }, "Text cannot contain NUL characters."],
    [{ cursor: "x".repeat(2049) }, "This page link is not valid."],
  ])("refuses %j", (input, message) => {
    expect(messages(ZPeopleListSchema.safeParse(input))).toEqual([message]);
    expect(messages(ZUserListSchema.safeParse(input))).toEqual([message]);
  });

  it("filters people.list by teams, lower-casing their ids, up to 500 of them", () => {
    expect(ZPeopleListSchema.parse({ teamIds: [ID] })).toEqual({
      teamIds: [ID.toLowerCase()],
      limit: PEOPLE_PAGE_SIZE,
    });
    expect(messages(ZPeopleListSchema.safeParse({ teamIds: Array.from({ length: 501 }, () => ID) }))).toEqual([
      "Filter by at most 500 teams at a time.",
    ]);
    expect(messages(ZPeopleListSchema.safeParse({ teamIds: ["sales"] }))).toEqual(["Must be a valid id."]);
  });

  it("refuses an unknown role or a non-boolean active filter", () => {
    expect(messages(ZUserListSchema.safeParse({ role: "owner" }))).toEqual([
      "Role must be admin, manager, member or viewer.",
    ]);
    expect(messages(ZUserListSchema.safeParse({ active: "yes" }))).toEqual(["Active must be true or false."]);
  });
});
