import { describe, expect, it } from "vitest";
import { acceptRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("acceptRequestId", () => {
  it("keeps a short token from a load balancer or client", () => {
    for (const id of ["lb-1234.5", "3f2a9c1e-7b1d-4c59-9a77-0c1f5d8e2b44", "trace:abc_DEF", "a"]) {
      expect(acceptRequestId(id)).toBe(id);
    }
  });

  it("replaces a missing, long or unsafe one with a fresh UUID", () => {
    const unsafe = ["", "x".repeat(65), "has space", 'quote"d', "new\nline", "-leading-dash", "ünïcode", "<script>"];
    for (const id of [null, undefined, ...unsafe]) expect(acceptRequestId(id)).toMatch(UUID);
    expect(acceptRequestId(null)).not.toBe(acceptRequestId(null));
  });
});
