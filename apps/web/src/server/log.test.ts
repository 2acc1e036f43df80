import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED, scrubText, serializeError } from "./log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split("\n"));
      done();
    },
  });
  const log = createLogger(stream);
  return {
    log,
    text: () => lines.join("\n"),
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe("the logger", () => {
  it("writes one JSON object per line with level, ISO time and message", () => {
    const { log, records } = capture();
    log.info({ reqId: "r-1", status: 200 }, "request");
    const [record] = records();
    expect(record).toMatchObject({ level: "info", msg: "request", reqId: "r-1", status: 200, service: "meridian-web" });
    expect(String(record?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("redacts passwords, tokens, cookies and authorization at the top level and one level down", () => {
    const { log, text, records } = capture();
    log.info(
      {
        password: "hunter2-top",
        input: { email: "a@example.test", newPassword: "hunter2-nested", token: "mrd_live_abc" },
        headers: { authorization: "Bearer mrd_header", cookie: "next-auth.session-token=eyJx", "set-cookie": "s=1" },
      },
      "sign-in",
    );
    for (const secret of ["hunter2-top", "hunter2-nested", "mrd_live_abc", "mrd_header", "eyJx", "s=1"]) {
      expect(text()).not.toContain(secret);
    }
    const [record] = records();
    expect(record?.password).toBe(REDACTED);
    expect(record?.input).toEqual({ email: "a@example.test", newPassword: REDACTED, token: REDACTED });
  });

  it("logs an error's name, message, code, stack and cause, scrubbed, and nothing else of it", () => {
    const driver = Object.assign(new Error("password authentication failed"), { code: "28P01", parameters: ["x"] });
    const query = Object.assign(
      new Error("Failed query: select * from users where email = $1\nparams: who@example.test"),
      {
        params: ["who@example.test"],
        cause: driver,
      },
    );
    const { log, text } = capture();
    log.error({ err: query }, "request failed");
    expect(text()).toContain("Failed query: select * from users");
    expect(text()).not.toContain("who@example.test");
    expect(text()).toContain("28P01");
    const logged = serializeError(query);
    expect(logged).toMatchObject({ type: "Error", cause: { code: "28P01" } });
    expect(Object.keys(logged)).not.toContain("params");
  });
});

describe("scrubText", () => {
  it("hides bearer tokens and password-like assignments in free text", () => {
    expect(scrubText("Authorization: Bearer mrd_1234.abcd failed")).toBe(`Authorization: Bearer ${REDACTED} failed`);
    expect(scrubText('{"password":"p4ss","email":"e"}')).toBe(`{"password":"${REDACTED}","email":"e"}`);
    expect(scrubText("login?password=p4ss&x=1")).toBe(`login?password=${REDACTED}&x=1`);
    expect(scrubText("nothing secret here")).toBe("nothing secret here");
  });
});
