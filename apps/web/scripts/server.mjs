#!/usr/bin/env node
// The production server behind `pnpm start`: Next.js's own request handler in
// an HTTP server of ours, for one reason. Next.js fills X-Forwarded-For from
// the connection only when a request has none, so behind `next start` alone a
// client that sends the header chooses the address the sign-in limits count.
// Here the connection's address is always appended, as a reverse proxy does:
// the header's last entry is then the connection, and TRUSTED_PROXIES decides
// whether the entries before it count (packages/auth/src/client-address.ts).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const next = createRequire(import.meta.url)("next");
const port = Number(process.env.PORT ?? "3000");
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname: "localhost", port });
const handle = app.getRequestHandler();

/** Appends the connection's address to X-Forwarded-For (repeated headers arrive joined by ", "). */
function appendConnectionAddress(request) {
  const peer = request.socket.remoteAddress;
  if (!peer) return;
  const sent = request.headers["x-forwarded-for"];
  const prior = (Array.isArray(sent) ? sent.join(", ") : (sent ?? "")).trim();
  request.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
}

await app.prepare();
const server = createServer((request, response) => {
  appendConnectionAddress(request);
  handle(request, response);
});
server.listen(port, () => process.stdout.write(`Meridian is listening on port ${port}\n`));
// As `next start` does: stop accepting, let the requests in flight finish, then exit with 128 + the
// signal's number, which the app's graceful shutdown (src/server/shutdown.ts) turns into closing the
// database and a clean exit 0.
const exitCodes = { SIGINT: 130, SIGTERM: 143 };
for (const [signal, code] of Object.entries(exitCodes)) {
  process.once(signal, () => server.close(() => process.exit(code)));
}
