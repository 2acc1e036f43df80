/**
 * The life of one autosaved text, as a pure reducer: what the person sees, what the server holds
 * as far as we know (and its version), and where the save stands. The hook (use-autosave.ts) adds
 * the timer and the request; everything that decides lives here, so it is tested without a browser.
 *
 * - `saved`: the server holds what is shown.  - `pending`: typed, waiting for the pause to end.
 * - `saving`: a request is out.  - `failed`: it did not arrive; the text stays, Retry or keep typing.
 * - `conflict`: someone else saved first. Nothing is sent until the person chooses: keep their own
 *   text (saved over the other, now knowingly) or take the other's. Their own text is never dropped.
 */
export type SaveStatus = "saved" | "pending" | "saving" | "failed" | "conflict";

export interface SavedText {
  value: string;
  version: number | undefined;
}

export interface AutosaveState {
  /** What the person sees and edits. */
  value: string;
  /** What the server holds, as far as this page knows, with the version a save must name. */
  server: SavedText;
  status: SaveStatus;
  /** The text of the request that is out, while `saving`. */
  sending: string | null;
  error: string | null;
  /** What someone else saved, while `conflict`. */
  theirs: SavedText | null;
}

export type AutosaveEvent =
  | { type: "typed"; value: string }
  | { type: "serverChanged"; server: SavedText }
  | { type: "restored"; draft: SavedText }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; version: number | undefined }
  | { type: "saveFailed"; error: string }
  | { type: "saveConflicted"; theirs: SavedText }
  | { type: "keepMine" }
  | { type: "takeTheirs" }
  | { type: "retry" };

/** The server trims what it stores: trailing spaces are not an unsaved change. */
const same = (a: string, b: string) => a.trim() === b.trim();

export function initialAutosave(server: SavedText, draft?: string | null): AutosaveState {
  const value = draft ?? server.value;
  return {
    value,
    server,
    status: same(value, server.value) ? "saved" : "pending",
    sending: null,
    error: null,
    theirs: null,
  };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "typed": {
      if (state.status === "conflict" || state.status === "saving") return { ...state, value: event.value };
      return {
        ...state,
        value: event.value,
        error: null,
        status: same(event.value, state.server.value) ? "saved" : "pending",
      };
    }
    case "serverChanged": {
      if (event.server.version === state.server.version) return state;
      // Someone else's save arriving with a refetch replaces the text only while it is untouched here;
      // otherwise the next save names the old version and hears of the conflict.
      if (state.status !== "saved") return state;
      return { ...state, value: event.server.value, server: event.server };
    }
    case "restored": {
      // A draft from an earlier visit: sent against the version it was written on, so if someone
      // saved since, the person hears of it instead of overwriting them.
      if (same(event.draft.value, state.server.value)) return state;
      return {
        ...state,
        value: event.draft.value,
        server: { value: state.server.value, version: event.draft.version },
        status: "pending",
        error: null,
      };
    }
    case "saveStarted":
      return { ...state, status: "saving", sending: state.value, error: null };
    case "saveSucceeded": {
      const server = { value: (state.sending ?? state.value).trim(), version: event.version };
      return { ...state, server, sending: null, status: same(state.value, server.value) ? "saved" : "pending" };
    }
    case "saveFailed":
      return { ...state, status: "failed", sending: null, error: event.error };
    case "saveConflicted":
      return { ...state, status: "conflict", sending: null, theirs: event.theirs };
    case "keepMine": {
      if (!state.theirs) return state;
      // The person has seen the other text and chose theirs: the next save names the version it replaces.
      const server = state.theirs;
      return { ...state, server, theirs: null, status: same(state.value, server.value) ? "saved" : "pending" };
    }
    case "takeTheirs": {
      if (!state.theirs) return state;
      return { ...state, value: state.theirs.value, server: state.theirs, theirs: null, status: "saved" };
    }
    case "retry":
      return state.status === "failed" ? { ...state, status: "pending", error: null } : state;
  }
}

/** Whether leaving now would lose something: anything not yet confirmed by the server. */
export function isUnsaved(state: AutosaveState): boolean {
  return state.status !== "saved";
}
