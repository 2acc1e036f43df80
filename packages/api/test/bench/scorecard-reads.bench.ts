import { hashPassword } from "@meridian/auth/password";
import {
  BENCHMARK_SIZE,
  createTestDatabase,
  SCORECARD_BENCHMARK_SIZE,
  seedLargeOrganization,
  seedLargeScorecard,
} from "@meridian/db/testing";
import { quarterContaining, scoreScorecard, todayIso } from "@meridian/domain";
import { afterAll, bench, describe } from "vitest";
import { loadScorecard } from "../../src/modules/scorecard/load-scorecard";
import { callerFor, userIdOf } from "../support";

// A generated scorecard (4 perspectives, 40 strategic objectives, 400 monthly KPIs,
// 27 months of actuals each: 10,800 rows) in the benchmark organization.
const handle = await createTestDatabase();
const { organizationId, adminEmail } = await seedLargeOrganization(handle.db, BENCHMARK_SIZE, {
  passwordHash: await hashPassword("benchmark-password"),
});
const { kpiIds } = await seedLargeScorecard(
  handle.db,
  organizationId,
  await userIdOf(handle.db, adminEmail),
  SCORECARD_BENCHMARK_SIZE,
);
const admin = await callerFor(handle.db, adminEmail);
const kpiId = kpiIds[0] ?? "";
const quarter = quarterContaining(new Date().toISOString().slice(0, 10));
const index = await loadScorecard(handle.db, organizationId, { window: quarter });

afterAll(async () => {
  await handle.close();
});

describe(`scorecard reads over ${kpiIds.length} KPIs`, () => {
  bench("scorecard.tree (scored tree with 8-quarter trends)", async () => {
    await admin.scorecard.tree({});
  });
  bench("scorecard.heatMap (perspectives × 8 quarters)", async () => {
    await admin.scorecard.heatMap({});
  });
  bench("strategy.map", async () => {
    await admin.strategy.map({});
  });
  bench("kpis.list", async () => {
    await admin.kpis.list({});
  });
  bench("kpis.get (history, forecast, benchmarks)", async () => {
    await admin.kpis.get({ kpiId });
  });
});

describe("domain scoring", () => {
  bench(`scoreScorecard over ${kpiIds.length} KPIs, one quarter`, () => {
    scoreScorecard(index, quarter, todayIso());
  });
});
