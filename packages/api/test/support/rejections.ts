import type { Database } from "@meridian/db";
import { expect } from "vitest";
import { trpcErrorOf, writeSnapshot } from "./assertions";
import { writeFingerprint } from "./fingerprint";

/** Rows a test file adds to writeSnapshot because its procedures can write them. */
export type ExtraState<E extends object> = (db: Database) => Promise<E>;

/** writeSnapshot (check-ins, activity, key results) plus what `extraState` reads, read at once. */
export async function snapshotWith<E extends object = Record<never, never>>(
  db: Database,
  extraState?: ExtraState<E>,
): Promise<Awaited<ReturnType<typeof writeSnapshot>> & E> {
  const [base, extra] = await Promise.all([writeSnapshot(db), extraState ? extraState(db) : ({} as E)]);
  return { ...base, ...extra };
}

/**
 * Runs `call`, expects it to fail with a TRPCError of `code`, and proves that it
 * wrote nothing that writeSnapshot, plus `extraState` when given, can see.
 */
export async function expectRejectedUnchanged<E extends object>(
  db: Database,
  code: string,
  call: () => Promise<unknown>,
  extraState?: ExtraState<E>,
) {
  const before = await snapshotWith(db, extraState);
  const error = await trpcErrorOf(call);
  expect(error.code).toBe(code);
  expect(await snapshotWith(db, extraState)).toEqual(before);
  return error;
}

/** Runs `call`, expects it to fail with a TRPCError of `code`, and proves that it wrote nothing anywhere (writeFingerprint). */
export async function expectRejectedUntouched(db: Database, code: string, call: () => Promise<unknown>) {
  const before = await writeFingerprint(db);
  const error = await trpcErrorOf(call);
  expect(error.code).toBe(code);
  expect(await writeFingerprint(db)).toEqual(before);
  return error;
}

/**
 * A test file's two no-write checks over writeSnapshot plus `extraState`: `state()` to
 * compare before and after by hand, `rejected(code, call)` for expectRejectedUnchanged.
 */
export function noWriteChecks<E extends object>(live: { readonly db: Database }, extraState: ExtraState<E>) {
  return {
    state: () => snapshotWith(live.db, extraState),
    rejected: (code: string, call: () => Promise<unknown>) => expectRejectedUnchanged(live.db, code, call, extraState),
  };
}
