"use client";

import { useEffect, useSyncExternalStore } from "react";

/**
 * One page-wide list of the things holding unsaved text (an autosaving editor, a form with a draft).
 * While it is not empty, closing or reloading the tab asks (`beforeunload`), and so does following a
 * link inside the app (a click caught before Next's router sees it). The listeners are installed by
 * the first holder, so no layout or provider has to know about them.
 */
const holders = new Map<symbol, string>();
const subscribers = new Set<() => void>();
let installed = false;

export const LEAVE_QUESTION = "You have text that is not saved yet. Leave this page and lose it?";

/** What is unsaved on the page now, one line per holder ("Commentary on Financial"). */
export function unsavedHolders(): string[] {
  return [...holders.values()];
}

export function hasUnsavedChanges(): boolean {
  return holders.size > 0;
}

/** What a click needs to say about itself to decide whether it leaves the page. */
export interface LinkClick {
  href: string | null;
  target: string | null;
  download: boolean;
  button: number;
  modified: boolean;
  defaultPrevented: boolean;
}

/**
 * Whether a click on a link replaces this page: a plain left click on a link to another page
 * (a hash on the same page, a new tab or a download keep it).
 */
export function leavesPage(click: LinkClick, here: URL): boolean {
  if (click.defaultPrevented || click.button !== 0 || click.modified || click.download || !click.href) return false;
  if (click.target && click.target !== "_self") return false;
  const to = new URL(click.href, here);
  if (to.protocol !== "http:" && to.protocol !== "https:") return false;
  return !(to.origin === here.origin && to.pathname === here.pathname && to.search === here.search);
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (!hasUnsavedChanges()) return;
  event.preventDefault();
  // Older Chromium needs returnValue set for the prompt to show.
  event.returnValue = "";
}

function onClick(event: MouseEvent) {
  if (!hasUnsavedChanges()) return;
  const anchor = (event.target as Element | null)?.closest?.("a");
  if (!anchor) return;
  const click: LinkClick = {
    href: anchor.getAttribute("href"),
    target: anchor.getAttribute("target"),
    download: anchor.hasAttribute("download"),
    button: event.button,
    modified: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
    defaultPrevented: event.defaultPrevented,
  };
  if (!leavesPage(click, new URL(window.location.href))) return;
  if (window.confirm(LEAVE_QUESTION)) return;
  // Stopped in the capture phase, so neither Next's Link nor the browser navigates.
  event.preventDefault();
  event.stopImmediatePropagation();
}

function install() {
  if (installed || typeof window === "undefined") return;
  installed = true;
  window.addEventListener("beforeunload", onBeforeUnload);
  document.addEventListener("click", onClick, { capture: true });
}

function changed() {
  for (const notify of subscribers) notify();
}

/** Holds the page while `unsaved` is true: leaving asks first. `what` names it in the Finalize question. */
export function useUnsavedChangesGuard(unsaved: boolean, what = "Unsaved text") {
  useEffect(() => {
    if (!unsaved) return;
    install();
    const id = Symbol(what);
    holders.set(id, what);
    changed();
    return () => {
      holders.delete(id);
      changed();
    };
  }, [unsaved, what]);
}

function subscribe(notify: () => void) {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

const none: string[] = [];
let snapshot: string[] = none;
function currentHolders() {
  const now = unsavedHolders();
  // The same array while nothing changed, as useSyncExternalStore requires.
  if (now.length !== snapshot.length || now.some((h, i) => h !== snapshot[i])) snapshot = now.length ? now : none;
  return snapshot;
}

/** The unsaved holders of the page, re-rendering as they come and go (for a question before an action). */
export function useUnsavedHolders(): string[] {
  return useSyncExternalStore(subscribe, currentHolders, () => none);
}
