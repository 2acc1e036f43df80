import { eq, kpis, memberships, objectives, strategyLinks, users } from "@meridian/db";
import { quarterContaining } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  activityOf,
  createCycle,
  createMember,
  createObjective,
  createQuarterlyKpi,
  createStrategicObjective,
  createStrategyOrganization,
  expectRejectedUntouched,
  type StrategyOrganization,
  trpcErrorOf,
  useStrategyDatabase,
  writeFingerprint,
} from "../../../test/support";

const live = useStrategyDatabase();

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

function band(o: StrategyOrganization, index: number) {
  const p = o.perspectives[index];
  if (!p) throw new Error(`no perspective ${index}`);
  return p;
}

describe("strategy.createObjective", () => {
  it("adds a strategic objective to a perspective and records the activity", async () => {
    const admin = await live.org.as("admin");
    const created = await admin.strategy.createObjective({
      perspectiveId: band(live.org, 1).id,
      name: "  Delight customers ",
      description: "Be the tool people recommend.",
      ownerId: live.org.manager.id,
      weight: 2,
    });
    expect(created).toMatchObject({
      perspectiveId: band(live.org, 1).id,
      name: "Delight customers",
      description: "Be the tool people recommend.",
      ownerId: live.org.manager.id,
      weight: 2,
      version: 1,
    });
    expect(await activityOf(live.db, "strategic_objective", created.id)).toEqual([
      {
        action: "strategic_objective.created",
        actorId: live.org.admin.id,
        details: {
          perspectiveId: band(live.org, 1).id,
          name: "Delight customers",
          description: "Be the tool people recommend.",
          ownerId: live.org.manager.id,
          weight: 2,
        },
      },
    ]);
    const list = await admin.perspectives.list();
    expect(list[1]?.objectiveCount).toBeGreaterThanOrEqual(1);
  });

  it("answers NOT_FOUND for another organization's perspective", async () => {
    const admin = await live.org.as("admin");
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.strategy.createObjective({
        perspectiveId: band(live.other, 0).id,
        name: "Sneak in",
        ownerId: live.org.admin.id,
      }),
    );
  });

  it("refuses an owner who is not an active member of the organization", async () => {
    const admin = await live.org.as("admin");
    const deactivated = await createMember(live.db, live.org.organization.id, "member");
    await live.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, deactivated.id));
    const inactiveAccount = await createMember(live.db, live.org.organization.id, "member");
    await live.db.update(users).set({ isActive: false }).where(eq(users.id, inactiveAccount.id));
    for (const ownerId of [live.other.admin.id, deactivated.id, inactiveAccount.id, UNKNOWN]) {
      const error = await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
        admin.strategy.createObjective({ perspectiveId: band(live.org, 0).id, name: "Grow revenue", ownerId }),
      );
      expect(error.message).toBe("Choose an active member of this organization as the owner.");
    }
  });

  it.each([
    ["a short name", { name: "Go" }, /at least 3/],
    ["a NUL character", { name: "Grow\u0000" }, /NUL/],
    ["a negative weight", { name: "Grow revenue", weight: -2 }, /negative/],
    ["a long description", { name: "Grow revenue", description: "x".repeat(2001) }, /under 2000/],
  ])("refuses %s with a 400", async (_, overrides, message) => {
    const admin = await live.org.as("admin");
    const error = await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.strategy.createObjective({
        perspectiveId: band(live.org, 0).id,
        ownerId: live.org.admin.id,
        ...overrides,
      }),
    );
    expect(error.message).toMatch(message);
  });
});

describe("strategy.updateObjective", () => {
  it("edits name, description, owner and weight, moves it to another band, and records the changes", async () => {
    const so = await createStrategicObjective(live.db, live.org, { perspectiveId: band(live.org, 0).id });
    const admin = await live.org.as("admin");
    const updated = await admin.strategy.updateObjective({
      strategicObjectiveId: so.id,
      version: 1,
      name: "Improve margins",
      description: "Cost discipline.",
      ownerId: live.org.member.id,
      weight: 0.5,
      perspectiveId: band(live.org, 2).id,
    });
    expect(updated).toMatchObject({
      name: "Improve margins",
      description: "Cost discipline.",
      ownerId: live.org.member.id,
      weight: 0.5,
      perspectiveId: band(live.org, 2).id,
      version: 2,
    });
    const [entry] = await activityOf(live.db, "strategic_objective", so.id);
    expect(entry).toMatchObject({ action: "strategic_objective.updated", actorId: live.org.admin.id });
    expect(entry?.details).toMatchObject({ changes: { name: "Improve margins", perspectiveId: band(live.org, 2).id } });
  });

  it("keeps an owner who has since been deactivated when the owner is not changed", async () => {
    const owner = await createMember(live.db, live.org.organization.id, "member");
    const so = await createStrategicObjective(live.db, live.org, { ownerId: owner.id });
    await live.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, owner.id));
    const admin = await live.org.as("admin");
    const updated = await admin.strategy.updateObjective({
      strategicObjectiveId: so.id,
      version: 1,
      ownerId: owner.id,
      name: "Renamed while the owner is away",
    });
    expect(updated.ownerId).toBe(owner.id);
    await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.strategy.updateObjective({ strategicObjectiveId: so.id, version: 2, ownerId: live.other.admin.id }),
    );
  });

  it("refuses a stale version with CONFLICT carrying the current values", async () => {
    const so = await createStrategicObjective(live.db, live.org);
    const admin = await live.org.as("admin");
    await admin.strategy.updateObjective({ strategicObjectiveId: so.id, version: 1, name: "First edit" });
    const error = await expectRejectedUntouched(live.db, "CONFLICT", () =>
      admin.strategy.updateObjective({ strategicObjectiveId: so.id, version: 1, name: "Second edit" }),
    );
    expect((error.cause as { current?: unknown }).current).toMatchObject({ name: "First edit", version: 2 });
  });

  it("answers NOT_FOUND for another organization's objective or perspective", async () => {
    const mine = await createStrategicObjective(live.db, live.org);
    const theirs = await createStrategicObjective(live.db, live.other);
    const admin = await live.org.as("admin");
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.strategy.updateObjective({ strategicObjectiveId: theirs.id, version: 1, name: "Taken over" }),
    );
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.strategy.updateObjective({
        strategicObjectiveId: mine.id,
        version: 1,
        perspectiveId: band(live.other, 1).id,
      }),
    );
  });
});

describe("strategy.removeObjective", () => {
  it("removes it with its links; its KPIs stay unlinked and aligned OKR objectives lose the alignment", async () => {
    const so = await createStrategicObjective(live.db, live.org);
    const neighbour = await createStrategicObjective(live.db, live.org);
    const kpi = await createQuarterlyKpi(live.db, live.org, so.id);
    const cycle = await createCycle(live.db, live.org.organization.id);
    const okr = await createObjective(live.db, {
      organizationId: live.org.organization.id,
      cycleId: cycle.id,
      ownerId: live.org.admin.id,
    });
    await live.db.update(objectives).set({ strategicObjectiveId: so.id }).where(eq(objectives.id, okr.id));
    const admin = await live.org.as("admin");
    await admin.strategy.link({ causeId: so.id, effectId: neighbour.id });
    await admin.strategy.link({ causeId: neighbour.id, effectId: so.id });

    expect(await admin.strategy.removeObjective({ strategicObjectiveId: so.id, version: 1 })).toEqual({ id: so.id });

    const [kpiAfter] = await live.db.select().from(kpis).where(eq(kpis.id, kpi.id));
    expect(kpiAfter?.strategicObjectiveId).toBeNull();
    const [okrAfter] = await live.db.select().from(objectives).where(eq(objectives.id, okr.id));
    expect(okrAfter?.strategicObjectiveId).toBeNull();
    const links = await live.db
      .select()
      .from(strategyLinks)
      .where(eq(strategyLinks.organizationId, live.org.organization.id));
    expect(links.filter((l) => l.causeId === so.id || l.effectId === so.id)).toEqual([]);
    expect(await activityOf(live.db, "strategic_objective", so.id)).toEqual([
      {
        action: "strategic_objective.removed",
        actorId: live.org.admin.id,
        details: { name: so.name, kpisUnlinked: 1, okrsUnaligned: 1 },
      },
    ]);
  });

  it("refuses a stale version with CONFLICT and another organization's objective with NOT_FOUND", async () => {
    const so = await createStrategicObjective(live.db, live.org);
    const theirs = await createStrategicObjective(live.db, live.other);
    const admin = await live.org.as("admin");
    await admin.strategy.updateObjective({ strategicObjectiveId: so.id, version: 1, weight: 3 });
    await expectRejectedUntouched(live.db, "CONFLICT", () =>
      admin.strategy.removeObjective({ strategicObjectiveId: so.id, version: 1 }),
    );
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.strategy.removeObjective({ strategicObjectiveId: theirs.id, version: 1 }),
    );
  });
});

describe("strategy.link and strategy.unlink", () => {
  it("draws a cause → effect link once: linking the same pair again returns it and adds nothing", async () => {
    const cause = await createStrategicObjective(live.db, live.org, { perspectiveId: band(live.org, 3).id });
    const effect = await createStrategicObjective(live.db, live.org, { perspectiveId: band(live.org, 2).id });
    const admin = await live.org.as("admin");
    const link = await admin.strategy.link({ causeId: cause.id, effectId: effect.id });
    expect(link).toMatchObject({ causeId: cause.id, effectId: effect.id, created: true });
    expect(await activityOf(live.db, "strategy_link", link.id)).toEqual([
      {
        action: "strategy_link.created",
        actorId: live.org.admin.id,
        details: { causeId: cause.id, effectId: effect.id },
      },
    ]);

    const before = await writeFingerprint(live.db);
    const again = await admin.strategy.link({ causeId: cause.id.toUpperCase(), effectId: effect.id });
    expect(again).toEqual({ id: link.id, causeId: cause.id, effectId: effect.id, created: false });
    expect(await writeFingerprint(live.db)).toEqual(before);

    // The live.other direction is a different arrow.
    const reverse = await admin.strategy.link({ causeId: effect.id, effectId: cause.id });
    expect(reverse.id).not.toBe(link.id);
  });

  it("refuses a link from an objective to itself with a 400", async () => {
    const so = await createStrategicObjective(live.db, live.org);
    const admin = await live.org.as("admin");
    const error = await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.strategy.link({ causeId: so.id, effectId: so.id }),
    );
    expect(error.message).toMatch(/its own cause/);
  });

  it("answers NOT_FOUND when either end belongs to another organization or does not exist", async () => {
    const mine = await createStrategicObjective(live.db, live.org);
    const theirs = await createStrategicObjective(live.db, live.other);
    const admin = await live.org.as("admin");
    for (const input of [
      { causeId: mine.id, effectId: theirs.id },
      { causeId: theirs.id, effectId: mine.id },
      { causeId: mine.id, effectId: UNKNOWN },
    ]) {
      await expectRejectedUntouched(live.db, "NOT_FOUND", () => admin.strategy.link(input));
    }
  });

  it("unlinks and records it; unlinking again, or another organization's link, is NOT_FOUND", async () => {
    const a = await createStrategicObjective(live.db, live.org);
    const b = await createStrategicObjective(live.db, live.org);
    const admin = await live.org.as("admin");
    const link = await admin.strategy.link({ causeId: a.id, effectId: b.id });
    expect(await admin.strategy.unlink({ linkId: link.id })).toEqual({ id: link.id });
    expect(await live.db.select().from(strategyLinks).where(eq(strategyLinks.id, link.id))).toEqual([]);
    expect((await activityOf(live.db, "strategy_link", link.id)).map((e) => e.action)).toEqual([
      "strategy_link.created",
      "strategy_link.removed",
    ]);
    await expectRejectedUntouched(live.db, "NOT_FOUND", () => admin.strategy.unlink({ linkId: link.id }));

    const x = await createStrategicObjective(live.db, live.other);
    const y = await createStrategicObjective(live.db, live.other);
    const theirs = await (await live.other.as("admin")).strategy.link({ causeId: x.id, effectId: y.id });
    await expectRejectedUntouched(live.db, "NOT_FOUND", () => admin.strategy.unlink({ linkId: theirs.id }));
  });
});

describe("strategy.map", () => {
  it("lays out the bands in order with their objectives scored for the quarter, counts and links", async () => {
    const o = await createStrategyOrganization(live.db);
    const revenue = await createStrategicObjective(live.db, o, {
      perspectiveId: band(o, 0).id,
      name: "Grow revenue",
      ownerId: o.manager.id,
    });
    const loyalty = await createStrategicObjective(live.db, o, { perspectiveId: band(o, 1).id, name: "Loyalty" });
    const skills = await createStrategicObjective(live.db, o, { perspectiveId: band(o, 3).id, name: "Skills" });
    // Q3 2026: 90 against goal 100 / red flag 80 scores 5.0 (amber); 100 scores 6.67 (green).
    await createQuarterlyKpi(live.db, o, revenue.id, { "2026-07-01": 90, "2026-04-01": 100 });
    await createQuarterlyKpi(live.db, o, revenue.id, { "2026-07-01": 90 });
    await createQuarterlyKpi(live.db, o, loyalty.id, { "2026-07-01": 100 });
    const cycle = await createCycle(live.db, o.organization.id);
    const scope = { organizationId: o.organization.id, cycleId: cycle.id, ownerId: o.admin.id };
    const aligned = await createObjective(live.db, scope);
    const archived = await createObjective(live.db, scope, { status: "archived" });
    await live.db
      .update(objectives)
      .set({ strategicObjectiveId: revenue.id })
      .where(eq(objectives.organizationId, o.organization.id));
    expect([aligned.id, archived.id]).toHaveLength(2);
    const admin = await o.as("admin");
    const link = await admin.strategy.link({ causeId: skills.id, effectId: loyalty.id });

    const map = await (await o.as("viewer")).strategy.map({ period: "2026-08-15" });
    expect(map.period).toEqual({ start: "2026-07-01", end: "2026-09-30", label: "Q3 2026" });
    expect(map.perspectives.map((p) => [p.name, p.position, p.status])).toEqual([
      ["Financial", 0, "amber"],
      ["Customer", 1, "green"],
      ["Internal Process", 2, "no_data"],
      ["Learning & Growth", 3, "no_data"],
    ]);
    const [financial, customer, , learning] = map.perspectives;
    expect(financial?.objectives).toEqual([
      {
        id: revenue.id,
        name: "Grow revenue",
        description: "",
        owner: { id: o.manager.id, name: o.manager.name },
        weight: 1,
        version: 1,
        score: 5,
        status: "amber",
        kpiCount: 2,
        alignedOkrCount: 1,
      },
    ]);
    expect(customer?.objectives[0]).toMatchObject({ id: loyalty.id, status: "green", kpiCount: 1 });
    expect(customer?.objectives[0]?.score).toBeCloseTo(20 / 3, 6);
    expect(learning?.objectives[0]).toMatchObject({ id: skills.id, score: null, status: "no_data", kpiCount: 0 });
    expect(map.links).toEqual([{ id: link.id, causeId: skills.id, effectId: loyalty.id }]);
    expect(map.score).toBeCloseTo((5 + 20 / 3) / 2, 6);

    // Another quarter scores from its own actuals; a quarter without any is "no data", never zero.
    const q2 = await admin.strategy.map({ period: "2026-04-01" });
    expect(q2.perspectives[0]?.objectives[0]).toMatchObject({ score: expect.closeTo(20 / 3, 6), status: "green" });
    const empty = await admin.strategy.map({ period: "2020-01-01" });
    expect(empty.perspectives.every((p) => p.status === "no_data" && p.score === null)).toBe(true);
  });

  it("defaults to today's quarter and shows nothing of another organization", async () => {
    await createStrategicObjective(live.db, live.other, { name: "Their secret objective" });
    const map = await (await live.org.as("member")).strategy.map();
    const today = new Date().toISOString().slice(0, 10);
    expect(map.period.start).toBe(quarterContaining(today).start);
    const ids = map.perspectives.flatMap((p) => p.objectives.map((o) => o.name));
    expect(ids).not.toContain("Their secret objective");
    expect(map.perspectives.map((p) => p.id)).toEqual(live.org.perspectives.map((p) => p.id));
  });

  it("refuses an unreadable period with a 400", async () => {
    const viewer = await live.org.as("viewer");
    for (const period of ["2026-02-30", "Q3", "9999-01-01"]) {
      expect((await trpcErrorOf(() => viewer.strategy.map({ period }))).code).toBe("BAD_REQUEST");
    }
  });
});

describe("strategy: roles", () => {
  it.each(["manager", "member", "viewer"] as const)(
    "a %s reads the map but may not change the strategy",
    async (role) => {
      const a = await createStrategicObjective(live.db, live.org);
      const b = await createStrategicObjective(live.db, live.org);
      const link = await (await live.org.as("admin")).strategy.link({ causeId: a.id, effectId: b.id });
      const caller = await live.org.as(role);
      expect((await caller.strategy.map()).perspectives).toHaveLength(live.org.perspectives.length);
      const calls = [
        () =>
          caller.strategy.createObjective({
            perspectiveId: band(live.org, 0).id,
            name: "Shadow",
            ownerId: live.org.admin.id,
          }),
        () => caller.strategy.updateObjective({ strategicObjectiveId: a.id, version: 1, name: "Shadow" }),
        () => caller.strategy.removeObjective({ strategicObjectiveId: a.id, version: 1 }),
        () => caller.strategy.link({ causeId: b.id, effectId: a.id }),
        () => caller.strategy.unlink({ linkId: link.id }),
      ];
      for (const call of calls) await expectRejectedUntouched(live.db, "FORBIDDEN", call);
    },
  );
});

describe("OKR objectives aligned to a strategic objective", () => {
  it("creates an objective aligned to one of the organization's strategic objectives; objectives.get names it", async () => {
    const so = await createStrategicObjective(live.db, live.org, {
      perspectiveId: band(live.org, 1).id,
      name: "Win hearts",
    });
    const cycle = await createCycle(live.db, live.org.organization.id);
    const admin = await live.org.as("admin");
    const created = await admin.objectives.create({
      cycleId: cycle.id,
      level: "company",
      title: "Raise NPS to 50",
      strategicObjectiveId: so.id,
    });
    expect(created.strategicObjectiveId).toBe(so.id);
    const page = await admin.objectives.get({ objectiveId: created.id });
    expect(page?.strategicObjective).toEqual({ id: so.id, name: "Win hearts", perspectiveName: "Customer" });

    const plain = await admin.objectives.create({ cycleId: cycle.id, level: "company", title: "Unaligned" });
    expect(plain.strategicObjectiveId).toBeNull();
    expect((await admin.objectives.get({ objectiveId: plain.id }))?.strategicObjective).toBeNull();
  });

  it("refuses a strategic objective of another organization on create, writing nothing", async () => {
    const theirs = await createStrategicObjective(live.db, live.other);
    const cycle = await createCycle(live.db, live.org.organization.id);
    const admin = await live.org.as("admin");
    const error = await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.objectives.create({
        cycleId: cycle.id,
        level: "company",
        title: "Borrowed strategy",
        strategicObjectiveId: theirs.id,
      }),
    );
    expect(error.message).toBe("No such strategic objective.");
  });

  it("sets, refuses another organization's, and clears the alignment on update", async () => {
    const mine = await createStrategicObjective(live.db, live.org);
    const theirs = await createStrategicObjective(live.db, live.other);
    const cycle = await createCycle(live.db, live.org.organization.id);
    const okr = await createObjective(
      live.db,
      { organizationId: live.org.organization.id, cycleId: cycle.id, ownerId: live.org.admin.id },
      { level: "company" },
    );
    const admin = await live.org.as("admin");
    const set = await admin.objectives.update({ objectiveId: okr.id, version: 1, strategicObjectiveId: mine.id });
    expect(set).toMatchObject({ strategicObjectiveId: mine.id, version: 2 });
    await expectRejectedUntouched(live.db, "NOT_FOUND", () =>
      admin.objectives.update({ objectiveId: okr.id, version: 2, strategicObjectiveId: theirs.id }),
    );
    await expectRejectedUntouched(live.db, "BAD_REQUEST", () =>
      admin.objectives.update({ objectiveId: okr.id, version: 2, strategicObjectiveId: "nope" }),
    );
    const cleared = await admin.objectives.update({ objectiveId: okr.id, version: 2, strategicObjectiveId: null });
    expect(cleared).toMatchObject({ strategicObjectiveId: null, version: 3 });
    expect((await activityOf(live.db, "objective", okr.id)).map((e) => e.details)).toEqual([
      { changes: { strategicObjectiveId: mine.id } },
      { changes: { strategicObjectiveId: null } },
    ]);
  });
});

describe("objectives.list by strategic objective", () => {
  it("lists the OKR objectives aligned to one strategic objective, only those the caller may see", async () => {
    const o = live.org;
    const target = await createStrategicObjective(live.db, o, { name: "Aligned-list target" });
    const elsewhere = await createStrategicObjective(live.db, o, { name: "Aligned-list elsewhere" });
    const cycleId = (await createCycle(live.db, o.organization.id)).id;
    const scope = { organizationId: o.organization.id, cycleId, ownerId: o.admin.id };
    const align = async (title: string, strategicObjectiveId: string, visibility: "public" | "private" = "public") => {
      const created = await createObjective(live.db, scope, { title, visibility });
      await live.db.update(objectives).set({ strategicObjectiveId }).where(eq(objectives.id, created.id));
    };
    await align("Aligned and public", target.id);
    await align("Aligned and private", target.id, "private");
    await align("Aligned elsewhere", elsewhere.id);
    await createObjective(live.db, scope, { title: "Aligned to nothing" });

    const titles = async (role: "admin" | "viewer") =>
      ((await (await o.as(role)).objectives.list({ cycleId, strategicObjectiveId: target.id }))?.objectives ?? [])
        .map((x) => x.title)
        .sort();
    expect(await titles("admin")).toEqual(["Aligned and private", "Aligned and public"]);
    expect(await titles("viewer")).toEqual(["Aligned and public"]);
    const viewer = await o.as("viewer");
    const bad = await trpcErrorOf(() => viewer.objectives.list({ cycleId, strategicObjectiveId: "not-an-id" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });
});
