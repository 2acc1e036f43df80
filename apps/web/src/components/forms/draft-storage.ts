/**
 * Drafts: what a person typed and has not saved yet, kept in the browser (localStorage) under
 * their user and the record, so a reload, a closed tab or a crash gives it back. A draft is
 * removed once the text it holds is saved; drafts older than a fortnight are dropped on read.
 */
const PREFIX = "meridian.draft";
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export type DraftStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

interface Stored<T> {
  value: T;
  at: number;
}

/** One person's draft of one record: `draftKey("u1", "review:r1:kpi:k1")`. */
export function draftKey(userId: string, record: string): string {
  return `${PREFIX}:${userId}:${record}`;
}

export function readDraft<T>(store: DraftStore | null, key: string, now = Date.now()): T | null {
  if (!store) return null;
  try {
    const raw = store.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored<T>;
    if (typeof stored?.at !== "number" || now - stored.at > MAX_AGE_MS) {
      store.removeItem(key);
      return null;
    }
    return stored.value;
  } catch {
    return null;
  }
}

export function writeDraft<T>(store: DraftStore | null, key: string, value: T, now = Date.now()): void {
  try {
    store?.setItem(key, JSON.stringify({ value, at: now } satisfies Stored<T>));
  } catch {
    // Storage full or switched off: the page's own guard still asks before leaving.
  }
}

export function clearDraft(store: DraftStore | null, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // As above.
  }
}

/** The browser's localStorage, or null (server rendering, storage switched off). */
export function browserStore(): DraftStore | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
