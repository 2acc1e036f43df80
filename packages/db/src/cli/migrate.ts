/**
 * `pnpm --filter @meridian/db migrate`: applies the committed migrations to the
 * database named by DATABASE_URL, or to the embedded PGlite under `.data/`
 * when it is unset — the same step the app runs on start.
 */

import path from "node:path";
import { openDatabase } from "../client";
import { migrate } from "../migrate";
import { dataDir } from "../paths";

const url = process.env.DATABASE_URL || undefined;
const handle = openDatabase({ url, maxConnections: 1 });
try {
  const applied = await migrate(handle.db);
  const target = url ? new URL(url).host + new URL(url).pathname : `PGlite in ${path.join(dataDir(), "pglite")}`;
  console.info(`${target}: ${applied} migration${applied === 1 ? "" : "s"} applied`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
