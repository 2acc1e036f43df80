import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { MarketingView } from "./marketing-view";

export const metadata: Metadata = { title: "Marketing dashboard" };

export default async function MarketingPage() {
  await requireSessionUser();
  return <MarketingView />;
}
