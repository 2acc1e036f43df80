import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { CampaignsView } from "./campaigns-view";

export const metadata: Metadata = { title: "Campaign calendar" };

export default async function CampaignsPage() {
  await requireSessionUser();
  return <CampaignsView today={new Date().toISOString().slice(0, 10)} />;
}
