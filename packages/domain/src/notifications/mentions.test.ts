import { describe, expect, it } from "vitest";
import { commentSegments, MAX_MENTIONS, mentionToken, parseMentions, plainComment } from "./mentions";

const SAM = "6f1c7a52-3d0e-4b8a-9c41-2e5f8d7b6a01";
const ALEX = "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f60";

describe("mentionToken", () => {
  it("writes the name and the lower-cased id", () => {
    expect(mentionToken({ id: SAM.toUpperCase(), name: "Sam Rivera" })).toBe(`@[Sam Rivera](${SAM})`);
  });

  it("drops the characters that would end the token, so the token still parses", () => {
    const token = mentionToken({ id: SAM, name: "Sam [the] (boss)\nRivera" });
    expect(token).toBe(`@[Sam the boss Rivera](${SAM})`);
    expect(parseMentions(token)).toEqual([{ userId: SAM, name: "Sam the boss Rivera" }]);
    expect(mentionToken({ id: SAM, name: "[]" })).toBe(`@[someone](${SAM})`);
  });
});

describe("parseMentions", () => {
  it("finds each person once, in order, whatever the id's case", () => {
    const body = `Thanks @[Sam Rivera](${SAM}) and @[Alex](${ALEX.toUpperCase()}); @[Sam](${SAM}) again`;
    expect(parseMentions(body)).toEqual([
      { userId: SAM, name: "Sam Rivera" },
      { userId: ALEX, name: "Alex" },
    ]);
  });

  it("ignores plain @names, emails, broken tokens and ids that are no uuid", () => {
    const body = [
      "@Sam",
      "sam@example.com",
      `@[Sam](${SAM}`,
      `@[](${SAM})`,
      "@[Sam](not-an-id)",
      `@[Sam\nRivera](${SAM})`,
      `@[${"x".repeat(121)}](${SAM})`,
    ].join(" ");
    expect(parseMentions(body)).toEqual([]);
  });

  it(`stops at ${MAX_MENTIONS} people`, () => {
    const ids = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const body = ids.map((id, i) => `@[P${i}](${id})`).join(" ");
    expect(parseMentions(body)).toHaveLength(MAX_MENTIONS);
  });
});

describe("commentSegments and plainComment", () => {
  it("splits text and mentions, and shows tokens as @names", () => {
    const body = `Hi @[Sam Rivera](${SAM}), see this.`;
    expect(commentSegments(body)).toEqual([
      { type: "text", text: "Hi " },
      { type: "mention", userId: SAM, name: "Sam Rivera" },
      { type: "text", text: ", see this." },
    ]);
    expect(plainComment(body)).toBe("Hi @Sam Rivera, see this.");
  });

  it("leaves a comment without mentions as one text segment, and an empty one as none", () => {
    expect(commentSegments("plain")).toEqual([{ type: "text", text: "plain" }]);
    expect(commentSegments("")).toEqual([]);
  });
});
