/**
 * The client's address for the per-address sign-in limit. Next.js fills
 * x-forwarded-for from the connection when it is absent; a reverse proxy appends
 * the address it saw. The last entry is therefore the one a client cannot
 * forge past our own proxy (earlier entries are whatever the client sent).
 */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string | null {
  if (!headers) return null;
  const read = (name: string): string | null => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : null;
    return typeof value === "string" ? value : null;
  };
  const forwarded = read("x-forwarded-for")?.split(",").at(-1)?.trim();
  const address = forwarded || read("x-real-ip")?.trim();
  return address ? address.slice(0, 64) : null;
}
