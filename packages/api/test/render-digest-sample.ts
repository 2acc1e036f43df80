/**
 * Writes a rendered weekly digest (HTML and its plain-text part) to
 * artifacts/screenshots/, to look at in a browser or a mail client:
 *   pnpm --filter @meridian/api exec tsx test/render-digest-sample.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { workspaceRoot } from "@meridian/db";
import { buildWeeklyDigest, type DigestKeyResult } from "@meridian/domain";
import { renderNotificationEmail } from "../src/mail/render";

const now = new Date("2026-12-07T08:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const kr = (id: string, title: string, over: Partial<DigestKeyResult>): DigestKeyResult => ({
  id,
  title,
  type: "increase_to",
  startValue: 0,
  targetValue: 100,
  objectiveId: `0000000${id}-0000-4000-8000-000000000000`,
  objectiveTitle: "Win the mid-market",
  teamName: "Sales",
  ownerName: "Ana Lima",
  lastCheckInAt: daysAgo(2),
  current: { value: 60, confidence: 7 },
  atWeekStart: { value: 55, confidence: 7 },
  ...over,
});
const digest = buildWeeklyDigest({
  periodKey: "2026-W50",
  now,
  expectedAtWeekStart: 0.62,
  expectedNow: 0.7,
  teamNames: ["Sales", "Customer Success"],
  checkIns: [
    {
      keyResultId: "1",
      keyResultTitle: "Close 40 mid-market deals",
      objectiveId: "00000001-0000-4000-8000-000000000000",
      objectiveTitle: "Win the mid-market",
      teamName: "Sales",
      authorName: "Ana Lima",
      value: 27,
      confidence: 7,
      at: daysAgo(1),
    },
    {
      keyResultId: "2",
      keyResultTitle: "Net revenue retention to 112 %",
      objectiveId: "00000002-0000-4000-8000-000000000000",
      objectiveTitle: "Keep and grow accounts",
      teamName: "Customer Success",
      authorName: "Ben Ode",
      value: 108.5,
      confidence: 5,
      at: daysAgo(3),
    },
    {
      keyResultId: "3",
      keyResultTitle: "Onboard 25 accounts in under 14 days",
      objectiveId: "00000003-0000-4000-8000-000000000000",
      objectiveTitle: "Keep and grow accounts",
      teamName: "Customer Success",
      authorName: "Chloé Martin",
      value: 11,
      confidence: 8,
      at: daysAgo(4),
    },
  ],
  keyResults: [
    kr("4", "Pipeline coverage 3× for Q1", {
      current: { value: 35, confidence: 4 },
      atWeekStart: { value: 50, confidence: 6 },
      ownerName: "Dev Patel",
    }),
    kr("5", "Churn below 1.5 % a month", {
      current: { value: 40, confidence: 2 },
      atWeekStart: { value: 60, confidence: 7 },
      teamName: "Customer Success",
      ownerName: "Ben Ode",
    }),
    kr("6", "Ship the partner portal", { lastCheckInAt: daysAgo(16), ownerName: "Eva Novak" }),
    kr("7", "Two reference customers per region", {
      lastCheckInAt: null,
      current: null,
      atWeekStart: null,
      ownerName: "Farah Aziz",
    }),
  ],
});
const email = await renderNotificationEmail(
  {
    kind: "weekly_digest",
    title: "Weekly digest: Sales, Customer Success",
    body: "",
    link: "/team",
    payload: { periodKey: digest.periodKey, digest },
    userId: "11111111-1111-4111-8111-111111111111",
    organizationId: "22222222-2222-4222-8222-222222222222",
    recipientName: "Maya Chen",
    organizationName: "Acme Analytics",
  },
  { appUrl: "https://meridian.example.com", secret: "sample" },
);
const dir = path.join(workspaceRoot(), "artifacts", "screenshots");
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "digest-email.html"), email.html);
writeFileSync(path.join(dir, "digest-email.txt"), `Subject: ${email.subject}\n\n${email.text}\n`);
process.stdout.write(`${path.join(dir, "digest-email.html")}\n`);
