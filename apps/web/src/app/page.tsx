import { ROLE_HOME } from "@meridian/domain";
import { redirect } from "next/navigation";
import { getSessionUser } from "~/server/auth";
import { getCaller } from "~/trpc/server";

/** Each role lands on its own home. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect("/account/password");
  const me = await (await getCaller()).me.get();
  redirect(me.organization ? ROLE_HOME[me.organization.role] : "/dashboard");
}
