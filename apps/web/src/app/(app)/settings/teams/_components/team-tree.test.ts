import { describe, expect, it } from "vitest";
import { inTreeOrder } from "./team-tree";

const team = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });

describe("inTreeOrder", () => {
  it("puts parents before their children and siblings by name, with depths", () => {
    const teams = [
      team("s", "Sales", "c"),
      team("m", "Marketing", "c"),
      team("c", "Company"),
      team("e", "Enterprise", "s"),
      team("a", "Acme Labs"),
    ];
    expect(inTreeOrder(teams).map(({ team, depth }) => `${depth}:${team.name}`)).toEqual([
      "0:Acme Labs",
      "0:Company",
      "1:Marketing",
      "1:Sales",
      "2:Enterprise",
    ]);
  });

  it("shows a team whose parent is not in the list at the top level", () => {
    expect(inTreeOrder([team("x", "Orphan", "gone")])).toEqual([{ team: team("x", "Orphan", "gone"), depth: 0 }]);
  });

  it("returns nothing for no teams", () => {
    expect(inTreeOrder([])).toEqual([]);
  });
});
