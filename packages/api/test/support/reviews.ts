import type { Database } from "@meridian/db";
import { createCycle, createKeyResult, createObjective, createTeam } from "./factories";
import {
  createQuarterlyKpi,
  createStrategicObjective,
  createStrategyOrganization,
  type StrategyOrganization,
} from "./strategy";

/**
 * An organization ready for reviews (test-only): two closed quarters (Q2 and Q3 2026)
 * and an open one (Q4), a strategic objective with two KPIs whose colours change
 * between Q2 and Q3 — "Revenue" green → red, "Churn" red → amber — a Marketing team
 * with a sub-team, and Q3 OKRs: public ones and a private and a draft one that
 * no review may show.
 */
export async function createReviewOrganization(db: Database) {
  const org: StrategyOrganization = await createStrategyOrganization(db);
  const organizationId = org.organization.id;
  const q2 = await createCycle(db, organizationId, {
    name: "Q2 2026",
    startsOn: "2026-04-01",
    endsOn: "2026-06-30",
    status: "closed",
  });
  const q3 = await createCycle(db, organizationId, {
    name: "Q3 2026",
    startsOn: "2026-07-01",
    endsOn: "2026-09-30",
    status: "closed",
  });
  const q4 = await createCycle(db, organizationId, {
    name: "Q4 2026",
    startsOn: "2026-10-01",
    endsOn: "2026-12-31",
    status: "open",
  });
  const growth = await createStrategicObjective(db, org, { name: "Grow revenue" });
  const revenue = await createQuarterlyKpi(db, org, growth.id, { "2026-04-01": 100, "2026-07-01": 70 });
  const churn = await createQuarterlyKpi(db, org, growth.id, { "2026-04-01": 70, "2026-07-01": 95 });

  const marketing = await createTeam(db, organizationId, { name: "Marketing", leads: [org.manager.id] });
  const content = await createTeam(db, organizationId, { name: "Content", parentId: marketing.id });
  const sales = await createTeam(db, organizationId, { name: "Sales" });
  const scope = { organizationId, cycleId: q3.id, ownerId: org.member.id };
  const okr = async (title: string, over: Parameters<typeof createObjective>[2], current: number | null) => {
    const objective = await createObjective(db, scope, { title, ...over });
    const keyResult = await createKeyResult(
      db,
      { organizationId, objectiveId: objective.id, ownerId: org.member.id },
      { currentValue: current },
    );
    return { objective, keyResult };
  };
  const companyOkr = await okr("Company objective", { level: "company" }, 50);
  const marketingOkr = await okr("Marketing objective", { teamId: marketing.id }, 80);
  const contentOkr = await okr("Content objective", { teamId: content.id }, 20);
  const salesOkr = await okr("Sales objective", { teamId: sales.id }, 40);
  await okr("Secret objective", { teamId: marketing.id, visibility: "private" }, 90);
  await okr("Draft objective", { teamId: marketing.id, status: "draft" }, 10);

  return {
    ...org,
    cycles: { q2, q3, q4 },
    growth,
    kpis: { revenue, churn },
    teams: { marketing, content, sales },
    okrs: { companyOkr, marketingOkr, contentOkr, salesOkr },
  };
}
export type ReviewOrganization = Awaited<ReturnType<typeof createReviewOrganization>>;
