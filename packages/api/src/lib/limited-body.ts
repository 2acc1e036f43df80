/**
 * The body as text, or null as soon as it is known to pass `limit` bytes: from
 * Content-Length before reading anything, else while it streams in (with no
 * Content-Length, or one the body does not keep to). Never holds more than
 * `limit` bytes; on refusal the rest of the stream is cancelled, not read.
 * Its own module, so the web tier's routes use it without loading the API.
 */
export async function readBodyText(request: Request, limit: number): Promise<string | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
