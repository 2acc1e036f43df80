import type { Metadata } from "next";
import { getCaller, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { CheckInView } from "./check-in-view";

export const metadata: Metadata = { title: "Check in" };

export default async function CheckInPage() {
  const me = await (await getCaller()).me.get();
  // The queue is refused to those who check in on nothing (viewers): say so instead of an error.
  if (!me.permissions.includes("checkin.create")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Check in</h1>
        <p className="rounded-2xl border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm">
          Your role reads OKRs and scorecards; it has nothing to check in.
        </p>
      </div>
    );
  }
  await getQueryClient().prefetchQuery(trpc.checkIns.weekly.queryOptions());
  return (
    <HydrateClient>
      <CheckInView />
    </HydrateClient>
  );
}
