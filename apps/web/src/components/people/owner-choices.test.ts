import { describe, expect, it } from "vitest";
import { offersChoice, ownerChoices, ownerPickerProps } from "./owner-choices";

const teams = [
  { id: "t-led", myRole: "lead" as const },
  { id: "t-member", myRole: "member" as const },
  { id: "t-other", myRole: null },
  { id: "t-led-too", myRole: "lead" as const },
];

describe("ownerChoices", () => {
  it("lets admins choose anyone, searched on the server", () => {
    expect(ownerChoices("admin", "me", teams)).toBe("anyone");
    expect(offersChoice("anyone")).toBe(true);
    expect(ownerPickerProps("anyone")).toEqual({});
  });

  it("offers a manager the people of the teams they lead, searched on the server", () => {
    const choices = ownerChoices("manager", "me", teams);
    expect(choices).toEqual({ teamIds: ["t-led", "t-led-too"] });
    expect(offersChoice(choices)).toBe(true);
    expect(ownerPickerProps(choices)).toEqual({ teamIds: ["t-led", "t-led-too"] });
  });

  it("offers a manager who leads no team, and members and viewers, themselves alone", () => {
    const notLeading = teams.filter((t) => t.myRole !== "lead");
    expect(ownerChoices("manager", "me", notLeading, "Mo Manager")).toEqual([{ id: "me", name: "Mo Manager" }]);
    expect(ownerChoices("member", "me", teams)).toEqual([{ id: "me", name: "You" }]);
    const viewer = ownerChoices("viewer", "me", teams, "Nia New");
    expect(viewer).toEqual([{ id: "me", name: "Nia New" }]);
    expect(offersChoice(viewer)).toBe(false);
    expect(ownerPickerProps(viewer)).toEqual({ candidates: [{ id: "me", name: "Nia New" }] });
  });
});
