import { and, asc, eq, experimentResults } from "@meridian/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  clientErrorOf,
  createMember,
  createOrganization,
  createTeam,
  expectRejectedUntouched,
  outcomeOf,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";

const database = useTestDatabase();
let orgId: string;
const people = {} as Record<"admin" | "manager" | "member" | "outsider" | "viewer", { id: string; email: string }>;
let marketingId: string;
let salesId: string;

const as = (who: keyof typeof people) => callerFor(database.db, people[who].email);

async function newExperiment(
  who: keyof typeof people = "member",
  teamId = marketingId,
  name = `Checkout ${Math.random()}`,
) {
  const caller = await as(who);
  const { id } = await caller.experiments.create({
    name,
    ownerId: people[who].id,
    teamId,
    minimumDetectableEffect: 10,
    baselineRate: 10,
    variants: [
      { name: "Control", weight: 50 },
      { name: "Treatment B", weight: 50 },
    ],
  });
  const page = await caller.experiments.get({ experimentId: id });
  return page;
}

type Page = Awaited<ReturnType<typeof newExperiment>>;
const arms = (page: Page) => {
  const control = page.variants.find((v) => v.isControl);
  const treatment = page.variants.find((v) => !v.isControl);
  const metric = page.metrics.find((m) => m.isPrimary);
  if (!control || !treatment || !metric) throw new Error("experiment without arms");
  return { control: control.id, treatment: treatment.id, metric: metric.id };
};

async function storedResults(experimentId: string) {
  return database.db
    .select({
      day: experimentResults.day,
      variantId: experimentResults.variantId,
      exposures: experimentResults.exposures,
      conversions: experimentResults.conversions,
      source: experimentResults.source,
    })
    .from(experimentResults)
    .where(and(eq(experimentResults.organizationId, orgId), eq(experimentResults.experimentId, experimentId)))
    .orderBy(asc(experimentResults.day), asc(experimentResults.variantId));
}

beforeAll(async () => {
  const org = await createOrganization(database.db);
  orgId = org.id;
  people.admin = await createMember(database.db, orgId, "admin");
  people.manager = await createMember(database.db, orgId, "manager");
  people.member = await createMember(database.db, orgId, "member");
  people.outsider = await createMember(database.db, orgId, "member");
  people.viewer = await createMember(database.db, orgId, "viewer");
  marketingId = (
    await createTeam(database.db, orgId, { name: "Marketing", members: [people.member.id, people.viewer.id] })
  ).id;
  salesId = (await createTeam(database.db, orgId, { name: "Sales", members: [people.outsider.id] })).id;
});

describe("experiments: who may do what", () => {
  it("admins and managers manage any team's experiment, members their teams', viewers read only", async () => {
    const page = await newExperiment("member");
    const { control, metric } = arms(page);
    const save = (who: keyof typeof people) => async () =>
      (await as(who)).experiments.saveResults({
        experimentId: page.experiment.id,
        metricId: metric,
        rows: [{ variantId: control, day: "2026-07-01", exposures: 100, conversions: 9 }],
      });
    expect(await outcomeOf(save("admin"))).toBe("allow");
    expect(await outcomeOf(save("manager"))).toBe("allow");
    expect(await outcomeOf(save("member"))).toBe("allow");
    expect(await outcomeOf(save("outsider"))).toBe("FORBIDDEN");
    expect(await outcomeOf(save("viewer"))).toBe("FORBIDDEN");
    expect(
      await outcomeOf(async () => (await as("viewer")).experiments.get({ experimentId: page.experiment.id })),
    ).toBe("allow");
    expect((await (await as("viewer")).experiments.get({ experimentId: page.experiment.id })).canEdit).toBe(false);
    expect((await (await as("outsider")).experiments.get({ experimentId: page.experiment.id })).canEdit).toBe(false);
    expect((await (await as("member")).experiments.get({ experimentId: page.experiment.id })).canEdit).toBe(true);
  });

  it("refuses a member creating an experiment for a team they are not on, and writes nothing", async () => {
    await expectRejectedUntouched(database.db, "FORBIDDEN", () => newExperiment("member", salesId));
  });

  it("does not find another organization's experiment", async () => {
    const other = await createOrganization(database.db);
    const admin = await createMember(database.db, other.id, "admin");
    const team = await createTeam(database.db, other.id);
    const caller = await callerFor(database.db, admin.email);
    const foreign = await caller.experiments.create({
      name: "Foreign",
      ownerId: admin.id,
      teamId: team.id,
      minimumDetectableEffect: 5,
      variants: [
        { name: "A", weight: 1 },
        { name: "B", weight: 1 },
      ],
    });
    const error = await trpcErrorOf(async () => (await as("admin")).experiments.get({ experimentId: foreign.id }));
    expect(error.code).toBe("NOT_FOUND");
    const list = await (await as("admin")).experiments.list({});
    expect(list.experiments.map((e) => e.id)).not.toContain(foreign.id);
  });
});

describe("experiments: results", () => {
  it("saves the grid idempotently: the same numbers again change nothing, new numbers replace the day", async () => {
    const page = await newExperiment();
    const { control, treatment, metric } = arms(page);
    const caller = await as("member");
    const rows = [
      { variantId: control, day: "2026-07-01", exposures: 1000, conversions: 100 },
      { variantId: treatment, day: "2026-07-01", exposures: 1000, conversions: 125 },
    ];
    const input = { experimentId: page.experiment.id, metricId: metric, rows };
    expect(await caller.experiments.saveResults(input)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await caller.experiments.saveResults(input)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const again = await caller.experiments.saveResults({
      ...input,
      rows: [{ variantId: treatment, day: "2026-07-01", exposures: 1000, conversions: 130 }],
    });
    expect(again).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await storedResults(page.experiment.id)).map((r) => r.conversions).sort()).toEqual([100, 130]);
  });

  it("refuses bad numbers with a 400 and writes nothing: negative counts, conversions above exposures, a foreign variant", async () => {
    const page = await newExperiment();
    const { control, metric } = arms(page);
    const caller = await as("member");
    const save = (row: { variantId: string; day: string; exposures: number; conversions: number }) => () =>
      caller.experiments.saveResults({ experimentId: page.experiment.id, metricId: metric, rows: [row] });
    const negative = await expectRejectedUntouched(
      database.db,
      "BAD_REQUEST",
      save({ variantId: control, day: "2026-07-01", exposures: -1, conversions: 0 }),
    );
    expect(clientErrorOf(negative, "experiments.saveResults").shape.message).toBe("Exposures cannot be negative.");
    const above = await expectRejectedUntouched(
      database.db,
      "BAD_REQUEST",
      save({ variantId: control, day: "2026-07-01", exposures: 10, conversions: 11 }),
    );
    expect(clientErrorOf(above, "experiments.saveResults").shape.message).toBe(
      "Conversions cannot be more than exposures.",
    );
    expect(clientErrorOf(above, "experiments.saveResults").httpStatus).toBe(400);
    const other = await newExperiment();
    await expectRejectedUntouched(
      database.db,
      "BAD_REQUEST",
      save({ variantId: arms(other).control, day: "2026-07-01", exposures: 10, conversions: 1 }),
    );
  });

  it("previews a CSV row by row without writing, imports it all or nothing, and a repeat changes nothing", async () => {
    const page = await newExperiment();
    const caller = await as("member");
    const csv = "day,variant,exposures,conversions\n2026-07-01,Control,1200,96\n2026-07-01,Treatment B,1185,112\n";
    const preview = await caller.experiments.previewImport({ experimentId: page.experiment.id, csv });
    expect(preview.counts).toEqual({ new: 2, update: 0, unchanged: 0, error: 0 });
    expect(await storedResults(page.experiment.id)).toEqual([]);
    expect(await caller.experiments.importResults({ experimentId: page.experiment.id, csv })).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await caller.experiments.importResults({ experimentId: page.experiment.id, csv })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const bad = `${csv}2026-07-02,Control,10,20\n`;
    const error = await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      caller.experiments.importResults({ experimentId: page.experiment.id, csv: bad }),
    );
    expect(error.message).toBe("1 row has errors; nothing was imported.");
    expect((await storedResults(page.experiment.id)).every((r) => r.source === "csv")).toBe(true);
  });

  it("reads the verdict once the planned sample is in, and the cumulative rates per day", async () => {
    const page = await newExperiment();
    const { control, treatment, metric } = arms(page);
    const caller = await as("member");
    await caller.experiments.setStatus({
      experimentId: page.experiment.id,
      version: page.experiment.version,
      status: "running",
    });
    await caller.experiments.saveResults({
      experimentId: page.experiment.id,
      metricId: metric,
      rows: [
        { variantId: control, day: "2026-07-01", exposures: 7500, conversions: 750 },
        { variantId: treatment, day: "2026-07-01", exposures: 7500, conversions: 900 },
        { variantId: control, day: "2026-07-02", exposures: 7500, conversions: 750 },
        { variantId: treatment, day: "2026-07-02", exposures: 7500, conversions: 900 },
      ],
    });
    const read = await (await as("viewer")).experiments.get({ experimentId: page.experiment.id });
    const primary = read.results.find((r) => r.metric.isPrimary);
    expect(primary?.analysis.verdict).toEqual({ kind: "treatment_wins", variantId: treatment });
    expect(primary?.verdictText).toBe(
      "Treatment B converts 20 % better than Control (p < 0.001, 95 % CI +12 % to +28 %).",
    );
    expect(read.cumulative.map((c) => c.day)).toEqual(["2026-07-01", "2026-07-02"]);
    expect(read.cumulative[1]?.rates[treatment]).toBeCloseTo(0.12, 12);
    const listed = await (await as("viewer")).experiments.list({ status: "running" });
    const row = listed.experiments.find((e) => e.id === page.experiment.id);
    expect(row).toMatchObject({ verdict: "treatment_wins", leadingVariant: { id: treatment, name: "Treatment B" } });
    const running = await (await as("viewer")).experiments.running({});
    expect(running.experiments.map((e) => e.id)).toContain(page.experiment.id);
  });
});

describe("experiments: plan and life", () => {
  it("refuses an end before the start (400) on create and on edit, and a stale version is a conflict", async () => {
    const caller = await as("member");
    const created = await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      caller.experiments.create({
        name: "Backwards",
        ownerId: people.member.id,
        teamId: marketingId,
        startDate: "2026-07-10",
        endDate: "2026-07-01",
        minimumDetectableEffect: 10,
        variants: [
          { name: "Control", weight: 1 },
          { name: "B", weight: 1 },
        ],
      }),
    );
    expect(clientErrorOf(created, "experiments.create").shape.message).toBe(
      "The end date cannot be before the start date.",
    );
    const page = await newExperiment();
    const id = page.experiment.id;
    await caller.experiments.update({ experimentId: id, version: 1, startDate: "2026-07-10" });
    await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      caller.experiments.update({ experimentId: id, version: 2, endDate: "2026-07-01" }),
    );
    await expectRejectedUntouched(database.db, "CONFLICT", () =>
      caller.experiments.update({ experimentId: id, version: 1, name: "Stale" }),
    );
  });

  it("goes draft → running → concluded with a decision, and is frozen after", async () => {
    const page = await newExperiment();
    const { treatment, control, metric } = arms(page);
    const caller = await as("member");
    const id = page.experiment.id;
    await expectRejectedUntouched(database.db, "PRECONDITION_FAILED", () =>
      caller.experiments.conclude({ experimentId: id, version: 1, decision: "keep_control", reason: "Too early" }),
    );
    const started = await caller.experiments.setStatus({ experimentId: id, version: 1, status: "running" });
    await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      caller.experiments.conclude({
        experimentId: id,
        version: started.version,
        decision: "ship_winner",
        reason: "It won",
        winnerVariantId: control,
      }),
    );
    const concluded = await caller.experiments.conclude({
      experimentId: id,
      version: started.version,
      decision: "ship_winner",
      reason: "It won",
      winnerVariantId: treatment,
    });
    expect(concluded).toMatchObject({ status: "concluded", decision: "ship_winner" });
    await expectRejectedUntouched(database.db, "PRECONDITION_FAILED", () =>
      caller.experiments.saveResults({
        experimentId: id,
        metricId: metric,
        rows: [{ variantId: control, day: "2026-07-01", exposures: 1, conversions: 0 }],
      }),
    );
    const read = await caller.experiments.get({ experimentId: id });
    expect(read.experiment.decisionReason).toBe("Treatment B: It won");
    expect(read.canEdit).toBe(false);
  });

  it("pages the list with a cursor, newest first, and filters by status in SQL", async () => {
    const caller = await as("admin");
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.experiments.list>> = await caller.experiments.list({
        cursor,
        limit: 3,
      });
      all.push(...page.experiments.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    const drafts = await caller.experiments.list({ status: "draft", limit: 100 });
    expect(drafts.experiments.every((e) => e.status === "draft")).toBe(true);
    expect(all.length).toBeGreaterThan(drafts.experiments.length);
    expect(await outcomeOf(() => caller.experiments.list({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
  });

  it("filters the list by team and by name in SQL, pages a filtered list, and gives each row the verdict of its page", async () => {
    const caller = await as("admin");
    const tag = `Filtered ${Math.random().toString(36).slice(2, 8)}`;
    const made: Page[] = [];
    for (const [i, team] of [marketingId, salesId, marketingId].entries())
      made.push(await newExperiment("admin", team, `${tag} ${i}`));
    const first = made[0] as Page;
    const { control, treatment, metric } = arms(first);
    await caller.experiments.setStatus({
      experimentId: first.experiment.id,
      version: first.experiment.version,
      status: "running",
    });
    await caller.experiments.saveResults({
      experimentId: first.experiment.id,
      metricId: metric,
      rows: [
        { variantId: control, day: "2026-07-01", exposures: 2000, conversions: 100 },
        { variantId: treatment, day: "2026-07-01", exposures: 2000, conversions: 190 },
      ],
    });
    const named = await caller.experiments.list({ q: tag.toUpperCase(), limit: 100 });
    expect(named.experiments.map((e) => e.name).sort()).toEqual([`${tag} 0`, `${tag} 1`, `${tag} 2`]);
    const inMarketing = await caller.experiments.list({ q: tag, teamId: marketingId, limit: 1 });
    expect(inMarketing.experiments.map((e) => e.name)).toEqual([`${tag} 2`]);
    const next = await caller.experiments.list({
      q: tag,
      teamId: marketingId,
      limit: 1,
      cursor: inMarketing.nextCursor,
    });
    expect(next.experiments.map((e) => e.name)).toEqual([`${tag} 0`]);
    expect(next.nextCursor).toBeNull();
    const row = next.experiments[0];
    const page = await caller.experiments.get({ experimentId: first.experiment.id });
    const primary = page.results.find((r) => r.metric.isPrimary);
    expect(row?.leadingVariant?.id).toBe(treatment);
    expect(row?.verdict).toBe(primary?.analysis.verdict.kind);
    expect(row?.verdictText).toBe(primary?.verdictText);
    expect(row?.daysRunning).toBe(page.experiment.daysRunning);
    expect(
      (await caller.experiments.list({ q: tag, status: "running", limit: 100 })).experiments.map((e) => e.id),
    ).toEqual([first.experiment.id]);
  });
});

describe("experiments: editing the plan, and what stays fixed once it has started", () => {
  const plan = (page: Page) => ({
    experimentId: page.experiment.id,
    name: page.experiment.name,
    hypothesis: page.experiment.hypothesis,
    ownerId: page.experiment.ownerId,
    teamId: page.experiment.teamId,
    startDate: page.experiment.startDate,
    endDate: page.experiment.endDate,
    minimumDetectableEffect: page.experiment.minimumDetectableEffect,
    alpha: page.experiment.alpha,
    power: page.experiment.power,
    baselineRate: page.experiment.baselineRate,
    keyResultId: page.experiment.keyResultId,
    kpiId: page.experiment.kpiId,
    campaignId: page.experiment.campaignId,
    variants: page.variants.map((v) => ({ name: v.name, weight: v.weight })),
    primaryMetric: page.metrics.find((m) => m.isPrimary)?.name ?? "",
    secondaryMetrics: page.metrics.filter((m) => !m.isPrimary).map((m) => m.name),
  });

  it("edits a draft's whole plan — split, variants, metrics — keeping the ids of what stays", async () => {
    const page = await newExperiment();
    const caller = await as("member");
    const before = arms(page);
    const saved = await caller.experiments.update({
      ...plan(page),
      version: page.experiment.version,
      name: "Checkout, two treatments",
      power: 90,
      variants: [
        { name: "Control", weight: 40 },
        { name: "Green", weight: 30 },
        { name: "Blue", weight: 30 },
      ],
      primaryMetric: "Purchase",
      secondaryMetrics: ["Revenue per visitor"],
    });
    expect(saved.version).toBe(page.experiment.version + 1);
    const read = await caller.experiments.get({ experimentId: page.experiment.id });
    expect(read.experiment).toMatchObject({ name: "Checkout, two treatments", power: 90 });
    expect(read.variants.map((v) => [v.name, v.weight, v.isControl])).toEqual([
      ["Control", 40, true],
      ["Green", 30, false],
      ["Blue", 30, false],
    ]);
    expect(read.variants[0]?.id).toBe(before.control);
    expect(read.variants[1]?.id).toBe(before.treatment);
    expect(read.metrics.map((m) => [m.name, m.isPrimary])).toEqual([
      ["Purchase", true],
      ["Revenue per visitor", false],
    ]);
    expect(read.metrics[0]?.id).toBe(before.metric);
    // Two names swapped in one save do not trip the unique index.
    const swapped = await caller.experiments.update({
      experimentId: page.experiment.id,
      version: saved.version,
      variants: [
        { name: "Control", weight: 40 },
        { name: "Blue", weight: 30 },
        { name: "Green", weight: 30 },
      ],
    });
    const again = await caller.experiments.get({ experimentId: page.experiment.id });
    expect(again.variants.map((v) => v.name)).toEqual(["Control", "Blue", "Green"]);
    // Back to one treatment: the dropped one had no numbers.
    await caller.experiments.update({
      experimentId: page.experiment.id,
      version: swapped.version,
      variants: [
        { name: "Control", weight: 50 },
        { name: "Blue", weight: 50 },
      ],
      secondaryMetrics: [],
    });
    const last = await caller.experiments.get({ experimentId: page.experiment.id });
    expect(last.variants.map((v) => v.name)).toEqual(["Control", "Blue"]);
    expect(last.metrics.map((m) => m.name)).toEqual(["Purchase"]);
  });

  it("once running, accepts the plan sent back unchanged and the free fields, refuses (412) a changed split, primary metric or effect and writes nothing", async () => {
    const page = await newExperiment();
    const caller = await as("member");
    const id = page.experiment.id;
    const started = await caller.experiments.setStatus({ experimentId: id, version: 1, status: "running" });
    const running = await caller.experiments.get({ experimentId: id });
    const edited = await caller.experiments.update({
      ...plan(running),
      version: started.version,
      name: "Checkout copy, renamed",
      hypothesis: "Shorter copy converts better.",
      endDate: "2099-01-31",
      secondaryMetrics: ["Add to cart"],
    });
    const read = await caller.experiments.get({ experimentId: id });
    expect(read.experiment).toMatchObject({ name: "Checkout copy, renamed", endDate: "2099-01-31" });
    expect(read.metrics.map((m) => m.name)).toEqual(["Conversion", "Add to cart"]);
    const refused: [Partial<ReturnType<typeof plan>>, RegExp][] = [
      [
        {
          variants: [
            { name: "Control", weight: 70 },
            { name: "Treatment B", weight: 30 },
          ],
        },
        /the variants and their planned split can no longer change/,
      ],
      [{ primaryMetric: "Revenue" }, /the primary metric can no longer change/],
      [{ minimumDetectableEffect: 5, alpha: 1 }, /the minimum effect and the significance level can no longer/],
      [{ secondaryMetrics: [] }, /secondary metrics already recorded/],
      [{ startDate: "2020-01-01" }, /the start date can no longer change/],
    ];
    for (const [change, message] of refused) {
      const error = await expectRejectedUntouched(database.db, "PRECONDITION_FAILED", () =>
        caller.experiments.update({ experimentId: id, version: edited.version, ...change }),
      );
      expect(error.message).toMatch(message);
    }
    // A stale version is a conflict, even when everything it sends is allowed.
    await expectRejectedUntouched(database.db, "CONFLICT", () =>
      caller.experiments.update({ experimentId: id, version: started.version, name: "Stale" }),
    );
  });

  it("refuses to drop a variant or a metric that has numbers (400), even in a draft, and writes nothing", async () => {
    const page = await newExperiment();
    const caller = await as("member");
    const { treatment } = arms(page);
    const withMetric = await caller.experiments.update({
      experimentId: page.experiment.id,
      version: 1,
      variants: [
        { name: "Control", weight: 1 },
        { name: "Treatment B", weight: 1 },
        { name: "Treatment C", weight: 1 },
      ],
      secondaryMetrics: ["Revenue"],
    });
    const read = await caller.experiments.get({ experimentId: page.experiment.id });
    const third = read.variants[2]?.id ?? "";
    const revenue = read.metrics.find((m) => m.name === "Revenue")?.id ?? "";
    await caller.experiments.saveResults({
      experimentId: page.experiment.id,
      metricId: revenue,
      rows: [
        { variantId: third, day: "2026-07-01", exposures: 10, conversions: 1 },
        { variantId: treatment, day: "2026-07-01", exposures: 10, conversions: 1 },
      ],
    });
    for (const change of [
      {
        variants: [
          { name: "Control", weight: 1 },
          { name: "Treatment B", weight: 1 },
        ],
      },
      { secondaryMetrics: [] },
      { primaryMetric: "Revenue" },
    ]) {
      await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
        caller.experiments.update({ experimentId: page.experiment.id, version: withMetric.version, ...change }),
      );
    }
    // Bad input: duplicate variant names, one variant, duplicate metrics.
    for (const bad of [
      {
        variants: [
          { name: "Same", weight: 1 },
          { name: "same", weight: 1 },
        ],
      },
      { variants: [{ name: "Alone", weight: 1 }] },
      { primaryMetric: "Revenue", secondaryMetrics: ["revenue"] },
    ]) {
      await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
        caller.experiments.update({ experimentId: page.experiment.id, version: withMetric.version, ...bad }),
      );
    }
  });

  it("links a campaign of its organization, shown on both pages; a foreign or unknown campaign is a 400 writing nothing", async () => {
    const manager = await as("manager");
    const campaign = await manager.campaigns.create({
      name: `Spring launch ${Math.random()}`,
      channel: "email",
      ownerId: people.manager.id,
      startsOn: "2026-04-01",
      endsOn: "2026-04-30",
      currency: "EUR",
    });
    const page = await newExperiment();
    const caller = await as("member");
    await caller.experiments.update({ experimentId: page.experiment.id, version: 1, campaignId: campaign.id });
    const read = await caller.experiments.get({ experimentId: page.experiment.id });
    expect(read.experiment.campaign).toEqual({ id: campaign.id, name: expect.stringMatching(/^Spring launch/) });
    const shown = await (await as("viewer")).campaigns.get({ campaignId: campaign.id });
    expect(shown.experiments).toEqual([
      { id: page.experiment.id, name: page.experiment.name, status: "draft", decision: null },
    ]);

    const other = await createOrganization(database.db);
    const admin = await createMember(database.db, other.id, "admin");
    const foreign = await (await callerFor(database.db, admin.email)).campaigns.create({
      name: "Foreign campaign",
      channel: "email",
      ownerId: admin.id,
      startsOn: "2026-04-01",
      endsOn: "2026-04-30",
      currency: "EUR",
    });
    for (const campaignId of [foreign.id, "00000000-0000-4000-8000-000000000000"]) {
      const error = await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
        caller.experiments.update({ experimentId: page.experiment.id, version: 2, campaignId }),
      );
      expect(clientErrorOf(error, "experiments.update").shape.message).toBe("Choose a campaign of this organization.");
    }
    await expectRejectedUntouched(database.db, "BAD_REQUEST", () =>
      caller.experiments.create({
        name: "Foreign link",
        ownerId: people.member.id,
        teamId: marketingId,
        minimumDetectableEffect: 10,
        campaignId: foreign.id,
        variants: [
          { name: "A", weight: 1 },
          { name: "B", weight: 1 },
        ],
      }),
    );
    // Another organization's campaign page does not list this experiment, and the foreign one lists nothing of ours.
    const theirs = await (await callerFor(database.db, admin.email)).campaigns.get({ campaignId: foreign.id });
    expect(theirs.experiments).toEqual([]);
    // A viewer and a member of another team cannot edit it.
    for (const who of ["viewer", "outsider"] as const) {
      await expectRejectedUntouched(database.db, "FORBIDDEN", () =>
        (async () => (await as(who)).experiments.update({ experimentId: page.experiment.id, version: 2, name: "X" }))(),
      );
    }
  });
});
