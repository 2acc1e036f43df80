import { activityLog, and, eq } from "@meridian/db";
import { ZObjectiveListSchema } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { DEMO, useDemoDatabase } from "../../test/support";
import { rest, tokenFor } from "../../test/support/rest";

const demo = useDemoDatabase();

describe("the REST API's handler", () => {
  it("lists the open cycle's objectives with their key results for a token with okrs:read", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["okrs:read"]);
    const answer = await rest<{
      items: { id: string; cycleId: string; keyResults: unknown[] }[];
      nextCursor: string | null;
    }>(demo.db, "GET", "/objectives?limit=5", { token });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(5);
    expect(answer.body.items.every((o) => o.cycleId === demo.openCycleId)).toBe(true);
    expect(answer.body.nextCursor).toEqual(expect.any(String));
    const next = await rest<{ items: { id: string }[] }>(
      demo.db,
      "GET",
      `/objectives?limit=5&cursor=${encodeURIComponent(answer.body.nextCursor ?? "")}`,
      { token },
    );
    expect(next.body.items.map((o) => o.id)).not.toContain(answer.body.items[0]?.id);
  });

  it("reads numbers from the query string without making the app's own schemas coerce", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["okrs:read"]);
    expect((await rest(demo.db, "GET", "/objectives?limit=2", { token })).status).toBe(200);
    // trpc-to-openapi would flip `coerce` on the shared schemas (patched: patches/trpc-to-openapi@3.3.0.patch).
    expect(ZObjectiveListSchema.safeParse({ limit: "2" }).success).toBe(false);
    const wrong = await rest(demo.db, "GET", "/objectives?limit=two", { token });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "BAD_REQUEST", errors: [{ path: "limit" }] });
  });

  it("refuses a call without a token, with a token lacking the scope, and unknown query fields", async () => {
    const none = await rest(demo.db, "GET", "/objectives");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(none.body).toEqual({ code: "UNAUTHORIZED", message: expect.stringContaining("Authorization"), errors: [] });

    const pushOnly = await tokenFor(demo.db, DEMO.admin, ["kpis:write"]);
    const refused = await rest(demo.db, "GET", "/objectives", { token: pushOnly });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("okrs:read") });

    const reader = await tokenFor(demo.db, DEMO.admin, ["okrs:read"]);
    const unknown = await rest(demo.db, "GET", "/objectives?colour=red", { token: reader });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: "BAD_REQUEST",
      errors: [{ path: "colour", message: "Unknown field 'colour'." }],
    });
  });

  it("writes every call through a token to the audit log", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["okrs:read"], { name: "Audited" });
    await rest(demo.db, "GET", "/objectives?limit=1", { token });
    const rows = await demo.db
      .select({ details: activityLog.details })
      .from(activityLog)
      .where(and(eq(activityLog.organizationId, demo.orgId), eq(activityLog.action, "api.request")));
    expect(rows.map((r) => r.details)).toContainEqual(
      expect.objectContaining({ tokenName: "Audited", method: "GET", path: "/api/v1/objectives", outcome: "OK" }),
    );
    // The route and the token's prefix, never its secret.
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((r) => Object.keys(r.details ?? {}))).not.toContainEqual(expect.arrayContaining(["authorization"]));
  });

  it("answers a known path asked with a method it does not take with 405 and Allow, an unknown path with 404", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["okrs:read", "kpis:write"]);
    const wrong = await rest(demo.db, "DELETE", "/objectives", { token });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    expect(wrong.body).toEqual({
      code: "METHOD_NOT_SUPPORTED",
      message: expect.stringContaining("use GET"),
      errors: [],
    });

    const withId = await rest(demo.db, "POST", "/kpis/00000000-0000-4000-8000-000000000000/actuals", {
      token,
      body: { actuals: [] },
    });
    expect(withId.status).toBe(405);
    expect(withId.headers.get("allow")).toBe("PUT");

    const unknown = await rest(demo.db, "GET", "/objectivez", { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", message: "No such route: GET /api/v1/objectivez." });
  });
});
