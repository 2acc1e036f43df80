import "server-only";
import type { Permission } from "@meridian/domain";
import { notFound } from "next/navigation";
import { getCaller } from "~/trpc/server";

/** For pages of one role: anyone without the permission gets no page at all, not merely a hidden link. */
export async function requirePermission(permission: Permission) {
  const me = await (await getCaller()).me.get();
  if (!me.organization || !me.permissions.includes(permission)) notFound();
  return me;
}
