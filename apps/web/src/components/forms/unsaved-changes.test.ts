import { describe, expect, it } from "vitest";
import { type LinkClick, leavesPage } from "./unsaved-changes";

const here = new URL("https://meridian.test/reviews/abc?tab=1");
const click = (over: Partial<LinkClick>): LinkClick => ({
  href: "/reviews",
  target: null,
  download: false,
  button: 0,
  modified: false,
  defaultPrevented: false,
  ...over,
});

describe("leavesPage", () => {
  it("is true for a plain click on a link to another page of the app, or elsewhere", () => {
    expect(leavesPage(click({}), here)).toBe(true);
    expect(leavesPage(click({ href: "/reviews/abc?tab=2" }), here)).toBe(true);
    expect(leavesPage(click({ href: "https://example.org/" }), here)).toBe(true);
    expect(leavesPage(click({ target: "_self" }), here)).toBe(true);
  });

  it("is false where the page stays: same page or a hash, new tab, download, modified or other button", () => {
    expect(leavesPage(click({ href: "#financial" }), here)).toBe(false);
    expect(leavesPage(click({ href: "/reviews/abc?tab=1#x" }), here)).toBe(false);
    expect(leavesPage(click({ target: "_blank" }), here)).toBe(false);
    expect(leavesPage(click({ download: true }), here)).toBe(false);
    expect(leavesPage(click({ modified: true }), here)).toBe(false);
    expect(leavesPage(click({ button: 1 }), here)).toBe(false);
    expect(leavesPage(click({ defaultPrevented: true }), here)).toBe(false);
    expect(leavesPage(click({ href: null }), here)).toBe(false);
    expect(leavesPage(click({ href: "mailto:a@b.c" }), here)).toBe(false);
  });
});
