import { describe, expect, it } from "vitest";
import { canEnterKpiActuals, canManageKpi } from "./kpi-permissions";

const OWNER = "owner-id";
const OTHER = "other-id";

describe("canEnterKpiActuals", () => {
  it("lets admins enter actuals for any KPI", () => {
    expect(canEnterKpiActuals({ role: "admin", userId: OTHER, kpiOwnerId: OWNER })).toBe(true);
  });
  it("lets managers and members enter actuals only for KPIs they own", () => {
    for (const role of ["manager", "member"] as const) {
      expect(canEnterKpiActuals({ role, userId: OWNER, kpiOwnerId: OWNER })).toBe(true);
      expect(canEnterKpiActuals({ role, userId: OTHER, kpiOwnerId: OWNER })).toBe(false);
    }
  });
  it("never lets viewers enter actuals, even for a KPI they own", () => {
    expect(canEnterKpiActuals({ role: "viewer", userId: OWNER, kpiOwnerId: OWNER })).toBe(false);
  });
});

describe("canManageKpi", () => {
  it("lets admins manage any KPI and managers only their own", () => {
    expect(canManageKpi({ role: "admin", userId: OTHER, kpiOwnerId: OWNER })).toBe(true);
    expect(canManageKpi({ role: "manager", userId: OWNER, kpiOwnerId: OWNER })).toBe(true);
    expect(canManageKpi({ role: "manager", userId: OTHER, kpiOwnerId: OWNER })).toBe(false);
  });
  it("never lets members or viewers manage a KPI", () => {
    expect(canManageKpi({ role: "member", userId: OWNER, kpiOwnerId: OWNER })).toBe(false);
    expect(canManageKpi({ role: "viewer", userId: OWNER, kpiOwnerId: OWNER })).toBe(false);
  });
});
