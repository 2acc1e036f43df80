import { randomUUID } from "node:crypto";
import type { SessionUser } from "@meridian/auth";
import { openDatabase } from "@meridian/db";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { createCaller } from "./root";
import { createContext, DATABASE_UNAVAILABLE_MESSAGE } from "./trpc";

// A pool pointed at a port where nothing listens: every query fails the way it does while the server is down.
const unreachable = openDatabase({ url: "postgres://meridian@127.0.0.1:1/meridian", maxConnections: 2 });
afterAll(() => unreachable.close());

async function failure(call: () => Promise<unknown>): Promise<TRPCError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("a database that cannot be reached", () => {
  it("is SERVICE_UNAVAILABLE (HTTP 503) for a visitor's query, with a message that says to retry", async () => {
    const caller = createCaller(createContext({ db: unreachable.db, user: null, requestedOrganizationId: null }));
    const error = await failure(() => caller.demo.accounts());
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
  });

  it("is SERVICE_UNAVAILABLE when the organization check itself cannot read the membership", async () => {
    const user = { id: randomUUID(), mustChangePassword: false } as SessionUser;
    const caller = createCaller(createContext({ db: unreachable.db, user, requestedOrganizationId: null }));
    const error = await failure(() => caller.cycles.list());
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
  });
});
