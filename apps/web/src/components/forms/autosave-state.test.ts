import { describe, expect, it } from "vitest";
import { type AutosaveEvent, type AutosaveState, autosaveReducer, initialAutosave, isUnsaved } from "./autosave-state";

const run = (state: AutosaveState, ...events: AutosaveEvent[]) => events.reduce(autosaveReducer, state);
const fresh = () => initialAutosave({ value: "old", version: 3 });

describe("autosave state", () => {
  it("starts saved, and pending once the text differs from the server's", () => {
    const s = fresh();
    expect(s.status).toBe("saved");
    expect(isUnsaved(s)).toBe(false);
    const typed = run(s, { type: "typed", value: "old plus" });
    expect(typed.status).toBe("pending");
    expect(isUnsaved(typed)).toBe(true);
    // Typing back to the saved text (give or take spaces) is nothing to save.
    expect(run(typed, { type: "typed", value: "old " }).status).toBe("saved");
  });

  it("a restored draft that differs from the server starts pending", () => {
    expect(initialAutosave({ value: "old", version: 3 }, "draft").status).toBe("pending");
    expect(initialAutosave({ value: "old", version: 3 }, "old").status).toBe("saved");
  });

  it("a draft left from an earlier visit comes back pending, naming the version it was written on", () => {
    const server = { value: "theirs", version: 5 };
    const s = run(initialAutosave(server), { type: "restored", draft: { value: "mine", version: 3 } });
    expect(s).toMatchObject({ status: "pending", value: "mine", server: { value: "theirs", version: 3 } });
    expect(run(initialAutosave(server), { type: "restored", draft: { value: "theirs ", version: 3 } }).status).toBe(
      "saved",
    );
  });

  it("saving then saved takes the new version; text typed during the save stays pending", () => {
    const s = run(fresh(), { type: "typed", value: "new" }, { type: "saveStarted" });
    expect(s.status).toBe("saving");
    expect(isUnsaved(s)).toBe(true);
    const done = run(s, { type: "saveSucceeded", version: 4 });
    expect(done).toMatchObject({ status: "saved", server: { value: "new", version: 4 } });
    const more = run(s, { type: "typed", value: "newer" }, { type: "saveSucceeded", version: 4 });
    expect(more).toMatchObject({ status: "pending", value: "newer", server: { value: "new", version: 4 } });
  });

  it("a failed save keeps the text, counts as unsaved, and retries", () => {
    const s = run(
      fresh(),
      { type: "typed", value: "mine" },
      { type: "saveStarted" },
      { type: "saveFailed", error: "offline" },
    );
    expect(s).toMatchObject({ status: "failed", value: "mine", error: "offline" });
    expect(isUnsaved(s)).toBe(true);
    expect(run(s, { type: "retry" }).status).toBe("pending");
    expect(run(s, { type: "typed", value: "mine!" }).status).toBe("pending");
  });

  it("a conflict keeps the person's text and sends nothing until they choose", () => {
    const theirs = { value: "theirs", version: 4 };
    const s = run(
      fresh(),
      { type: "typed", value: "mine" },
      { type: "saveStarted" },
      { type: "saveConflicted", theirs },
    );
    expect(s).toMatchObject({ status: "conflict", value: "mine", theirs });
    expect(isUnsaved(s)).toBe(true);
    // Typing on stays in the conflict: no silent save over the other text.
    const typed = run(s, { type: "typed", value: "mine, edited" });
    expect(typed).toMatchObject({ status: "conflict", value: "mine, edited" });
    // Keeping mine names their version in the next save.
    expect(run(typed, { type: "keepMine" })).toMatchObject({
      status: "pending",
      value: "mine, edited",
      server: theirs,
    });
    expect(run(typed, { type: "takeTheirs" })).toMatchObject({ status: "saved", value: "theirs", server: theirs });
  });

  it("someone else's save replaces the text only while it is untouched", () => {
    const server = { value: "theirs", version: 4 };
    expect(run(fresh(), { type: "serverChanged", server })).toMatchObject({ value: "theirs", status: "saved" });
    const typed = run(fresh(), { type: "typed", value: "mine" }, { type: "serverChanged", server });
    expect(typed).toMatchObject({ value: "mine", status: "pending", server: { value: "old", version: 3 } });
  });
});
