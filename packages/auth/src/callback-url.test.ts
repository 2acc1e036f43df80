import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const APP = "https://okr.example.com";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/dashboard", "/dashboard"],
    ["/okrs?cycle=q3#top", "/okrs?cycle=q3#top"],
    ["/objectives/123/edit", "/objectives/123/edit"],
    ["dashboard", "/dashboard"],
    ["https://okr.example.com/kpis?x=1", "/kpis?x=1"],
    ["/%09/x", "/%09/x"],
    ["/a/../b", "/b"],
  ])("keeps the same-origin path %j as %j", (value, path) => {
    expect(safeCallbackPath(value, APP)).toBe(path);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example/x",
    "\\\\evil.example",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r\n/evil.example",
    " //evil.example",
    "https://evil.example",
    "https://evil.example/okr.example.com",
    "http://okr.example.com/x",
    "https://okr.example.com:8443/x",
    "https://okr.example.com@evil.example/",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:someone@example.com",
  ])("refuses %j, falling back to /", (value) => {
    expect(safeCallbackPath(value, APP)).toBe("/");
  });

  it("never answers a path the browser would read as another host", () => {
    for (const value of ["/.//evil.example", "/%2e//evil.example", "/./\\evil.example"]) {
      const path = safeCallbackPath(value, APP);
      expect(new URL(path, APP).origin).toBe(APP);
      expect(path.startsWith("//")).toBe(false);
    }
  });

  it("falls back for what is no string, and to the fallback given", () => {
    expect(safeCallbackPath(undefined, APP)).toBe("/");
    expect(safeCallbackPath(["/a", "/b"], APP)).toBe("/");
    expect(safeCallbackPath("", APP)).toBe("/");
    expect(safeCallbackPath("//evil.example", APP, "/home")).toBe("/home");
  });
});
