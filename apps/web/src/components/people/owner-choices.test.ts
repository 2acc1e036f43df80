import { describe, expect, it } from "vitest";
import { ownerChoices } from "./owner-choices";

const teams = [
  {
    members: [
      { id: "lead", name: "Lena Lead", role: "lead" },
      { id: "sam", name: "Sam Member", role: "member" },
    ],
  },
  { members: [{ id: "other", name: "Olga Other", role: "member" }] },
];

describe("ownerChoices", () => {
  it("lets admins choose anyone, searched on the server", () => {
    expect(ownerChoices("admin", "lead", teams)).toBe("anyone");
  });

  it("offers a manager the people of the teams they lead, named from the teams", () => {
    expect(ownerChoices("manager", "lead", teams)).toEqual([
      { id: "lead", name: "Lena Lead" },
      { id: "sam", name: "Sam Member" },
    ]);
    // Leading no team: themselves only.
    expect(ownerChoices("manager", "sam", teams)).toEqual([{ id: "sam", name: "Sam Member" }]);
  });

  it("offers members themselves, by the name given when no team names them", () => {
    expect(ownerChoices("member", "sam", teams)).toEqual([{ id: "sam", name: "Sam Member" }]);
    expect(ownerChoices("viewer", "nobody", teams, "Nia New")).toEqual([{ id: "nobody", name: "Nia New" }]);
  });
});
