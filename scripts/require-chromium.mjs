#!/usr/bin/env node
// The browser tests drive Debian's Chromium. Make sure it is there before the
// suite starts: install it when we can (root with apt-get, as on CI), and
// otherwise stop with a clear instruction. Never skip the browser tests.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && !process.env.CHROMIUM_PATH;
if (canInstall) {
  console.info(`Chromium is missing at ${chromium}: installing Debian's chromium package for the browser tests…`);
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
  });
  if (existsSync(chromium)) process.exit(0);
}
console.error(
  `\nThe browser tests need Chromium at ${chromium}, and it is not there.\n` +
    "Install it with:  sudo apt-get install -y chromium\n" +
    "or point CHROMIUM_PATH at a Chromium binary, then run `pnpm test` again.\n",
);
process.exit(1);
