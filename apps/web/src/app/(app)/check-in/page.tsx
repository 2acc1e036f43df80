import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCaller, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { CheckInView } from "./check-in-view";

export const metadata: Metadata = { title: "Check in" };

export default async function CheckInPage() {
  const me = await (await getCaller()).me.get();
  // The queue is refused to those who check in on nothing (viewers): for them the page does not exist,
  // as every page a role may not open (the page tour checks it).
  if (!me.permissions.includes("checkin.create")) notFound();
  await getQueryClient().prefetchQuery(trpc.checkIns.weekly.queryOptions());
  return (
    <HydrateClient>
      <CheckInView />
    </HydrateClient>
  );
}
