import type { Metadata } from "next";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { MyOkrsView } from "./my-okrs-view";

export const metadata: Metadata = { title: "My OKRs" };

export default async function MyOkrsPage() {
  await getQueryClient().prefetchQuery(trpc.objectives.mine.queryOptions());
  return (
    <HydrateClient>
      <MyOkrsView />
    </HydrateClient>
  );
}
