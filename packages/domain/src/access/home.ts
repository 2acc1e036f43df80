import type { Role } from "./roles";

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  admin: "/admin",
  manager: "/team",
  member: "/my",
  viewer: "/dashboard",
};
