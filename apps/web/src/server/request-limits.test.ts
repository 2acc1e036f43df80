import { describe, expect, it } from "vitest";
import { DEFAULT_REQUEST_LIMITS, formatBytes, readBodyText, requestLimitsFrom } from "./request-limits";

describe("requestLimitsFrom", () => {
  it("defaults to 1 MB bodies, 5 MB for the CSV import and 20 calls a batch", () => {
    expect(requestLimitsFrom({})).toEqual({ maxBodyBytes: 1048576, maxImportBodyBytes: 5242880, maxBatchCalls: 20 });
    expect(requestLimitsFrom({})).toEqual(DEFAULT_REQUEST_LIMITS);
  });

  it("reads each limit from the environment", () => {
    expect(
      requestLimitsFrom({
        MERIDIAN_MAX_BODY_BYTES: "2097152",
        MERIDIAN_MAX_IMPORT_BODY_BYTES: "10485760",
        MERIDIAN_MAX_BATCH_CALLS: "50",
      }),
    ).toEqual({ maxBodyBytes: 2097152, maxImportBodyBytes: 10485760, maxBatchCalls: 50 });
  });

  it("ignores what is not a positive whole number, keeps the import cap at least the body cap and batches at least the client's 20", () => {
    expect(requestLimitsFrom({ MERIDIAN_MAX_BODY_BYTES: "1MB", MERIDIAN_MAX_BATCH_CALLS: "-3" })).toEqual(
      DEFAULT_REQUEST_LIMITS,
    );
    expect(requestLimitsFrom({ MERIDIAN_MAX_BODY_BYTES: "8388608" }).maxImportBodyBytes).toBe(8388608);
    expect(requestLimitsFrom({ MERIDIAN_MAX_BATCH_CALLS: "5" }).maxBatchCalls).toBe(20);
  });
});

describe("formatBytes", () => {
  it("says sizes as the messages do", () => {
    expect(formatBytes(1048576)).toBe("1 MB");
    expect(formatBytes(5 * 1048576)).toBe("5 MB");
    expect(formatBytes(512 * 1024)).toBe("512 KB");
    expect(formatBytes(1000)).toBe("1,000 bytes");
  });
});

describe("readBodyText", () => {
  const streamed = (chunks: string[], headers: Record<string, string> = {}) => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[pulled++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const request = new Request("http://app.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
    return { request, pulled: () => pulled };
  };

  it("reads a body within the limit", async () => {
    expect(await readBodyText(streamed(["{", '"a":1}']).request, 10)).toBe('{"a":1}');
  });

  it("stops reading once the body passes the limit, whatever Content-Length said", async () => {
    const body = streamed(["12345", "67890", "abcde", "fghij"], { "content-length": "3" });
    expect(await readBodyText(body.request, 8)).toBeNull();
    expect(body.pulled()).toBeLessThanOrEqual(3);
  });

  it("refuses from Content-Length before reading anything", async () => {
    const body = streamed(["12345"], { "content-length": "209715200" });
    expect(await readBodyText(body.request, 1048576)).toBeNull();
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });
});
