/** Every IANA zone the browser knows, UTC included (some engines list it, some do not), sorted. */
export function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...zones])].sort((a, b) => a.localeCompare(b));
}

/** The browser's own zone, the suggestion for someone who has not chosen one. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** "UTC+01:00" now, beside a zone's name in the list; empty when the browser cannot say. */
export function utcOffset(zone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    return part === "GMT" ? "UTC" : (part?.replace("GMT", "UTC") ?? "");
  } catch {
    return "";
  }
}
