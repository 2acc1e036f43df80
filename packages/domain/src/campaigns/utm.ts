// UTM parameters and the tagged link people paste into ads and emails.

export interface Utm {
  source: string;
  medium: string;
  campaign: string;
}

/**
 * One way to write a UTM value: trimmed, lower-cased, inner spaces as "-". Analytics
 * tools count "Newsletter" and "newsletter" as two sources, so we never store both.
 */
export function normaliseUtmValue(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, "-");
}

export function normaliseUtm(utm: Utm): Utm {
  return {
    source: normaliseUtmValue(utm.source),
    medium: normaliseUtmValue(utm.medium),
    campaign: normaliseUtmValue(utm.campaign),
  };
}

/** Whether `text` is an absolute http(s) URL the WHATWG parser accepts. */
export function isLandingUrl(text: string): boolean {
  if (!URL.canParse(text.trim())) return false;
  const { protocol } = new URL(text.trim());
  return protocol === "http:" || protocol === "https:";
}

/**
 * The landing URL with the campaign's UTM parameters set (replacing any it carried,
 * keeping its other parameters and its #fragment). Blank UTM values are left out;
 * null when the landing URL is missing or not an http(s) URL.
 */
export function taggedLink(landingUrl: string | null | undefined, utm: Utm): string | null {
  if (!landingUrl || !isLandingUrl(landingUrl)) return null;
  const url = new URL(landingUrl.trim());
  const clean = normaliseUtm(utm);
  for (const [key, value] of [
    ["utm_source", clean.source],
    ["utm_medium", clean.medium],
    ["utm_campaign", clean.campaign],
  ] as const) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.toString();
}
