import Bowser from "bowser";

/** Longer summaries are cut: the header is the client's to choose, the column is ours. */
const MAX_LENGTH = 120;

/**
 * "Firefox 133 on macOS": what a person needs to recognise one of their
 * devices in the session list. Only this summary is stored, not the header.
 * Bowser (MIT, no dependencies, kept up to date) reads the header; parsing
 * user agents by hand is a maintenance job of its own.
 */
export function describeUserAgent(header: string | null | undefined): string {
  const value = (header ?? "").trim();
  if (!value) return "Unknown browser";
  const { browser, os } = Bowser.parse(value);
  const major = browser.version?.split(".")[0];
  const name = browser.name ? [browser.name, major].filter(Boolean).join(" ") : "Unknown browser";
  const system = os.name ? [os.name, os.name === "Windows" ? os.versionName : undefined].filter(Boolean).join(" ") : "";
  const summary = system ? `${name} on ${system}` : name;
  return summary.replace(/\p{Cc}/gu, "").slice(0, MAX_LENGTH);
}
