import { request as httpRequest } from "node:http";
import { baseURL } from "./browser";

export interface StreamedAnswer {
  status: number;
  body: string;
  /** Body bytes written (and accepted by the socket) when the answer's headers arrived. */
  sentWhenAnswered: number;
  /** Body bytes written in all, before the server closed the connection or `maxBytes` was reached. */
  sentInAll: number;
  /** Whether the server closed the connection while the body was still being sent. */
  closedByServer: boolean;
  elapsedMs: number;
}

/**
 * POSTs a body of up to `maxBytes` (`chunk` repeated, then `tail`) in chunks,
 * respecting back-pressure, the way a slow or hostile client does: with no
 * Content-Length (chunked) unless `contentLength` declares one. Stops at
 * `maxBytes`, when the server closes the connection, or after `timeoutMs`,
 * so it is bounded in time and size however the server behaves.
 */
export function streamBody(
  path: string,
  options: {
    headers?: Record<string, string>;
    contentLength?: number;
    chunk: string;
    tail?: string;
    maxBytes: number;
    pauseMs?: number;
    timeoutMs?: number;
  },
): Promise<StreamedAnswer> {
  const url = new URL(path, baseURL());
  const started = Date.now();
  const chunk = Buffer.from(options.chunk);
  // Keep-alive, as browsers ask: a server that answers early must close the connection itself,
  // or it goes on reading (and discarding) the rest of the body.
  const headers: Record<string, string> = { connection: "keep-alive", ...options.headers };
  if (options.contentLength !== undefined) headers["content-length"] = String(options.contentLength);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentWhenAnswered = -1;
    let status = 0;
    let body = "";
    let finished = false;
    let closedByServer = false;
    let writing = true;
    const req = httpRequest(url, { method: "POST", headers, agent: false });
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      req.destroy();
      if (status === 0) {
        reject(new Error(`No answer after sending ${sent} bytes in ${Date.now() - started} ms`));
        return;
      }
      resolve({ status, body, sentWhenAnswered, sentInAll: sent, closedByServer, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(done, options.timeoutMs ?? 20_000);
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      sentWhenAnswered = sent;
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        body += d;
      });
      res.on("end", () => {
        // Keep writing a little: a server that still reads the body keeps the connection open.
        setTimeout(done, 1_500);
      });
    });
    req.on("error", () => {
      closedByServer = writing;
      writing = false;
      // The reset can be reported before the answer's body, parsed from the same read, is emitted: let it land.
      if (status !== 0) setTimeout(done, 50);
    });
    req.on("close", () => {
      if (writing) closedByServer = true;
      writing = false;
      setTimeout(done, 50);
    });
    const pump = () => {
      while (writing && !finished) {
        if (sent + chunk.length > options.maxBytes) {
          writing = false;
          req.end(options.tail ?? "");
          return;
        }
        sent += chunk.length;
        const more = req.write(chunk);
        if (!more) {
          req.once("drain", () => setTimeout(pump, options.pauseMs ?? 0));
          return;
        }
        if (options.pauseMs) {
          setTimeout(pump, options.pauseMs);
          return;
        }
      }
    };
    req.flushHeaders();
    pump();
  });
}
