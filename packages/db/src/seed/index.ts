/**
 * The demo organization's rows (`@meridian/db/seed`). Production code, used
 * only when a database is seeded with the demo: the app seeds through
 * `seedDemoIfEmpty` in `@meridian/api`'s modules/demo, which adds the
 * finalized review on top of these rows.
 */
export { demoOrganizationExists, type SeedOptions, seedDemo, seedDemoIfEmpty } from "./demo";
export { DEMO_PASSWORD, DEMO_USERS } from "./demo-data";
