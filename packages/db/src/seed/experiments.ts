import type { Executor } from "../client";
import { experimentMetrics, experimentResults, experiments, experimentVariants } from "../schema";

// Three A/B experiments of the demo (issue 13): one clearly significant and concluded, one running without
// enough data yet, one whose traffic does not follow its planned split (a sample-ratio mismatch).

interface DemoArm {
  name: string;
  /** Exposures a day, and the conversion rate the days scatter around. */
  perDay: number;
  rate: number;
}

interface DemoExperiment {
  name: string;
  hypothesis: string;
  team: string;
  owner: string;
  /** Days from today: the first day counted, and how many days have numbers. */
  startsDaysAgo: number;
  days: number;
  status: "running" | "concluded";
  decision?: { decision: "ship_winner"; reason: string };
  mdeBp: number;
  baselineRateBp: number;
  arms: DemoArm[];
}

const DEMO_EXPERIMENTS: DemoExperiment[] = [
  {
    name: "Checkout button copy",
    hypothesis: "“Start my free trial” instead of “Submit” tells people what happens next, so more of them click it.",
    team: "marketing",
    owner: "manager",
    startsDaysAgo: 60,
    days: 28,
    status: "concluded",
    decision: {
      decision: "ship_winner",
      reason: "Treatment B: +20 % conversion at the planned sample; shipped to everyone.",
    },
    mdeBp: 1000,
    baselineRateBp: 1000,
    arms: [
      { name: "Control", perDay: 560, rate: 0.1 },
      { name: "Treatment B", perDay: 560, rate: 0.12 },
    ],
  },
  {
    name: "Pricing page layout",
    hypothesis: "Showing the annual price first makes the yearly plan the obvious choice.",
    team: "marketing",
    owner: "member",
    startsDaysAgo: 3,
    days: 4,
    status: "running",
    mdeBp: 1500,
    baselineRateBp: 400,
    arms: [
      { name: "Control", perDay: 22, rate: 0.04 },
      { name: "Treatment B", perDay: 22, rate: 0.05 },
    ],
  },
  {
    name: "Onboarding email subject",
    hypothesis: "A question in the subject line gets more new sign-ups to open the first email.",
    team: "marketing",
    owner: "member",
    startsDaysAgo: 19,
    days: 20,
    status: "running",
    mdeBp: 1000,
    baselineRateBp: 2500,
    arms: [
      { name: "Control", perDay: 200, rate: 0.25 },
      // Planned 50/50, but a caching bug sends more people here: the mismatch the page warns about.
      { name: "Treatment B", perDay: 225, rate: 0.27 },
    ],
  },
];

const isoDaysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoExperiments(
  tx: Executor,
  options: { organizationId: string; userId: Map<string, string>; teamId: Map<string, string>; now: Date },
): Promise<void> {
  const { organizationId, now } = options;
  for (const demo of DEMO_EXPERIMENTS) {
    const startDate = isoDaysAgo(now, demo.startsDaysAgo);
    const endDate = demo.status === "concluded" ? isoDaysAgo(now, demo.startsDaysAgo - demo.days + 1) : null;
    const [row] = await tx
      .insert(experiments)
      .values({
        organizationId,
        name: demo.name,
        hypothesis: demo.hypothesis,
        ownerId: options.userId.get(demo.owner) ?? "",
        teamId: options.teamId.get(demo.team) ?? "",
        status: demo.status,
        decision: demo.decision?.decision ?? null,
        decisionReason: demo.decision?.reason ?? "",
        concludedAt: demo.status === "concluded" && endDate ? new Date(`${endDate}T17:00:00Z`) : null,
        startDate,
        endDate,
        mdeBp: demo.mdeBp,
        baselineRateBp: demo.baselineRateBp,
      })
      .returning({ id: experiments.id });
    if (!row) throw new Error(`Demo experiment ${demo.name} was not created`);
    const variants = await tx
      .insert(experimentVariants)
      .values(
        demo.arms.map((arm, i) => ({
          organizationId,
          experimentId: row.id,
          name: arm.name,
          isControl: i === 0,
          weight: 50,
          position: i,
        })),
      )
      .returning({ id: experimentVariants.id });
    const [metric] = await tx
      .insert(experimentMetrics)
      .values({ organizationId, experimentId: row.id, name: "Conversion", isPrimary: true })
      .returning({ id: experimentMetrics.id });
    if (!metric) throw new Error("Demo metric was not created");
    const results = demo.arms.flatMap((arm, a) =>
      Array.from({ length: demo.days }, (_, d) => {
        // A steady, deterministic wobble around the arm's traffic and rate.
        const exposures = arm.perDay + (((d * 37 + a * 11) % 21) - 10);
        const conversions = Math.max(0, Math.round(exposures * arm.rate + (((d * 13 + a * 7) % 7) - 3)));
        return {
          organizationId,
          experimentId: row.id,
          variantId: variants[a]?.id ?? "",
          metricId: metric.id,
          day: isoDaysAgo(now, demo.startsDaysAgo - d),
          exposures,
          conversions: Math.min(conversions, exposures),
        };
      }),
    );
    await tx.insert(experimentResults).values(results);
  }
}
