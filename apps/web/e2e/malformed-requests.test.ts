import { beforeAll, describe, expect, it } from "vitest";
import { baseURL } from "./support/browser";
import type { HttpSession } from "./support/http-session";
import { adminSession } from "./support/people";

// Issue 11: a `null` body, a body that is not JSON, a batch of the wrong shape or a broken
// `input` query parameter were answered with JavaScript's own error text ("Unexpected token…",
// "Invalid input: expected object, received null"). Every malformed request gets a 4xx
// with a message of ours.

/** Text that belongs to JavaScript or a library, never to one of our messages. */
const FOREIGN_TEXT =
  /Unexpected|JSON at position|end of JSON|Invalid input|received|undefined|Cannot read|TypeError|SyntaxError|\bat .*\(/;

let admin: HttpSession;
let token: string;
beforeAll(async () => {
  admin = await adminSession();
  const created = await admin.mutate("apiTokens.create", {
    name: `Malformed ${Date.now().toString(36)}`,
    scopes: ["kpis:write"],
  });
  expect(created.status).toBe(200);
  token = (created.data as { token: string }).token;
});

interface Answer {
  status: number;
  message: string;
}

/** The status and the message, wherever the route puts it (a tRPC error, a batch of them, or `{error}`). */
async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${response.status} answered with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  const first = Array.isArray(body) ? body[0] : body;
  const error = (first as { error?: unknown }).error;
  const message = typeof error === "string" ? error : (error as { message?: string } | undefined)?.message;
  if (typeof message !== "string") throw new Error(`${response.status} answered without a message: ${text}`);
  return { status: response.status, message };
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  admin.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL(), ...headers },
    body,
  });

function expectOurs(answer: Answer, status: number, message: string | RegExp) {
  expect(answer.status).toBe(status);
  if (typeof message === "string") expect(answer.message).toBe(message);
  else expect(answer.message).toMatch(message);
  expect(answer.message).not.toMatch(FOREIGN_TEXT);
}

const NOT_JSON = "The request body is not valid JSON.";
const INPUT_NOT_JSON = "The input query parameter is not valid JSON.";
const BATCH_SHAPE = "A batch's input must be a JSON object with one entry per call, keyed 0, 1, 2, …";
const NOT_AN_OBJECT = /^This call's input must be a JSON object, not (null|a list|a number|text|true or false)\.$/;
const NEEDS_INPUT = "This call needs an input: a JSON object.";

describe("malformed calls to /api/trpc", () => {
  it("a mutation whose body is null, a list, a number or text", async () => {
    for (const body of ["null", "[]", "42", '"text"', "true"]) {
      expectOurs(await answerOf(await post("/api/trpc/cycles.open", body)), 400, NOT_AN_OBJECT);
    }
  });

  it("a mutation whose body is not JSON, or empty", async () => {
    for (const body of ["not json", "{bad", '{"cycleId":', ""]) {
      expectOurs(await answerOf(await post("/api/trpc/cycles.open", body)), 400, NOT_JSON);
    }
  });

  it("a batch whose body is not an object keyed by the calls' positions", async () => {
    for (const body of ["null", "[1]", '"x"', '{"5":{}}', '{"a":{}}', '{"-1":{}}', '{"01":{}}']) {
      expectOurs(await answerOf(await post("/api/trpc/cycles.open?batch=1", body)), 400, BATCH_SHAPE);
    }
    expectOurs(await answerOf(await post("/api/trpc/cycles.open?batch=1", "{bad")), 400, NOT_JSON);
  });

  it("a batch with a gap: the call without an input is told so, the others are answered", async () => {
    const response = await post(
      "/api/trpc/cycles.open,apiTokens.create?batch=1",
      JSON.stringify({ 1: { name: "", scopes: ["kpis:write"] } }),
    );
    expect(response.status).toBe(400);
    const [first, second] = (await response.json()) as { error: { message: string } }[];
    expect(first?.error.message).toBe(NEEDS_INPUT);
    expect(second?.error.message).toBe("Give the token a name, such as the system that will use it.");
  });

  it("a batch entry that is null", async () => {
    expectOurs(await answerOf(await post("/api/trpc/cycles.open?batch=1", '{"0":null}')), 400, NOT_AN_OBJECT);
  });

  it("a query whose input query parameter is broken, null or not an object", async () => {
    for (const input of ["{broken", "%7B", "undefined", "'x'"]) {
      const answer = await answerOf(await admin.fetch(`/api/trpc/objectives.list?input=${encodeURIComponent(input)}`));
      expectOurs(answer, 400, INPUT_NOT_JSON);
    }
    expectOurs(await answerOf(await admin.fetch("/api/trpc/objectives.list?input=null")), 400, NOT_AN_OBJECT);
    expectOurs(
      await answerOf(await admin.fetch("/api/trpc/objectives.list?batch=1&input=%7Bbroken")),
      400,
      INPUT_NOT_JSON,
    );
    expectOurs(await answerOf(await admin.fetch("/api/trpc/objectives.list?batch=1&input=null")), 400, BATCH_SHAPE);
    expectOurs(
      await answerOf(await admin.fetch(`/api/trpc/objectives.list?batch=1&input=${encodeURIComponent('{"0":null}')}`)),
      400,
      NOT_AN_OBJECT,
    );
  });

  it("a method other than GET and POST", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await admin.fetch("/api/trpc/me.get", {
        method,
        headers: { "content-type": "application/json", origin: baseURL() },
        body: "{}",
      });
      expectOurs(await answerOf(response), 405, "Use GET for queries and POST for mutations.");
    }
  });

  it("a well-formed call is still answered", async () => {
    expect((await admin.query("objectives.list", { limit: 5 })).status).toBe(200);
    expect((await admin.fetch("/api/trpc/me.get,objectives.list?batch=1&input=%7B%7D")).status).toBe(200);
  });
});

describe("malformed pushes to /api/ingest/actuals", () => {
  const push = (body: string) =>
    fetch(`${baseURL()}/api/ingest/actuals`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });
  const SHAPE =
    'The body must be a JSON object like {"actuals": [{"kpi": "Revenue", "period": "2026-07", "value": 1}]}.';

  it("a body that is null, a list, a number or text", async () => {
    for (const body of ["null", "[]", "42", '"text"']) expectOurs(await answerOf(await push(body)), 400, SHAPE);
  });

  it("a body that is not JSON, or empty", async () => {
    for (const body of ["not json", "{bad", ""]) {
      expectOurs(await answerOf(await push(body)), 400, "The body is not valid JSON.");
    }
  });

  it("items of the wrong shape", async () => {
    expectOurs(
      await answerOf(await push('{"actuals":null}')),
      400,
      "actuals: actuals must be a list of {kpi, period, value}.",
    );
    expectOurs(
      await answerOf(await push('{"actuals":[null]}')),
      400,
      "actuals.0: Each item is an object with kpi, period and value.",
    );
  });
});

describe("malformed posts to /api/organization", () => {
  it("a body that is null, not JSON or of the wrong shape", async () => {
    for (const body of ["null", "[]", '{"organizationId":42}', '{"organizationId":"x"}']) {
      expectOurs(await answerOf(await post("/api/organization", body)), 400, "Choose an organization.");
    }
    for (const body of ["not json", "{bad", ""]) {
      expectOurs(await answerOf(await post("/api/organization", body)), 400, NOT_JSON);
    }
  });
});
