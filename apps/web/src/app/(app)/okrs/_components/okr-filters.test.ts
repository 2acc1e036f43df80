import { describe, expect, it } from "vitest";
import { listInputFrom } from "./okr-filters";

const CYCLE = "0f8fad5b-d9cb-469f-a165-70867728950e";
const TEAM = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("listInputFrom", () => {
  it("passes well-formed filters on as the API's list input", () => {
    expect(
      listInputFrom({ cycle: CYCLE, team: TEAM, owner: TEAM, level: "team", status: "active", risk: "1", q: "growth" }),
    ).toEqual({
      cycleId: CYCLE,
      teamId: TEAM,
      ownerId: TEAM,
      level: "team",
      status: "active",
      atRisk: true,
      q: "growth",
    });
  });

  it("lower-cases ids, as the API does", () => {
    expect(listInputFrom({ cycle: CYCLE.toUpperCase() })).toEqual({ cycleId: CYCLE });
  });

  it("ignores malformed values instead of failing", () => {
    expect(
      listInputFrom({ cycle: "42", team: "", level: "galaxy", status: "deleted", risk: "yes", view: "graph" }),
    ).toEqual({});
  });

  it("trims the search and keeps at most 100 characters; blank means no search", () => {
    expect(listInputFrom({ q: "  sales  " })).toEqual({ q: "sales" });
    expect(listInputFrom({ q: "x".repeat(150) })?.q).toHaveLength(100);
    expect(listInputFrom({ q: "   " })).toEqual({});
  });
});
