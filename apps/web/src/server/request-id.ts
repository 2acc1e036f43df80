/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = "x-request-id";

// A load balancer's or client's id is kept when it is a short token of safe characters (a UUID,
// a trace id, "lb-1234.5"); anything else (long, spaced, quoted, control characters) is replaced,
// so that nobody can write arbitrary text into our logs or response headers.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The incoming id if it is sane, else a new random one. */
export function acceptRequestId(incoming: string | null | undefined): string {
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : globalThis.crypto.randomUUID();
}
