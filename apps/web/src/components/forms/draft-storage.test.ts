import { describe, expect, it } from "vitest";
import { clearDraft, type DraftStore, draftKey, readDraft, writeDraft } from "./draft-storage";

/** The three Storage methods over a Map: node has no localStorage (the browser tests use the real one). */
function memoryStore(): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe("drafts", () => {
  it("are kept per user and record, read back, and cleared", () => {
    const store = memoryStore();
    const mine = draftKey("u1", "objective:o1");
    writeDraft(store, mine, { description: "half a thought" });
    expect(readDraft(store, mine)).toEqual({ description: "half a thought" });
    expect(readDraft(store, draftKey("u2", "objective:o1"))).toBeNull();
    expect(readDraft(store, draftKey("u1", "objective:o2"))).toBeNull();
    clearDraft(store, mine);
    expect(readDraft(store, mine)).toBeNull();
  });

  it("drops a draft older than two weeks, and ignores what is not a draft", () => {
    const store = memoryStore();
    const key = draftKey("u1", "comment:o1");
    const day = 24 * 60 * 60 * 1000;
    writeDraft(store, key, "old", 0);
    expect(readDraft(store, key, 13 * day)).toBe("old");
    expect(readDraft(store, key, 15 * day)).toBeNull();
    expect(store.map.has(key)).toBe(false);
    store.setItem(key, "{not json");
    expect(readDraft(store, key)).toBeNull();
  });

  it("survives a store that throws (full, or switched off)", () => {
    const broken: DraftStore = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(() => writeDraft(broken, "k", "v")).not.toThrow();
    expect(readDraft(broken, "k")).toBeNull();
    expect(() => clearDraft(broken, "k")).not.toThrow();
    expect(readDraft(null, "k")).toBeNull();
  });
});
