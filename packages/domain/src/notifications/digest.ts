import { isCheckInStale } from "../okr/check-in-due";
import { type KeyResultMeasure, keyResultProgress } from "../okr/key-result-progress";
import { type ProgressStatus, progressStatus } from "../okr/status";

/** A reading of a key result: its checked-in value and confidence. */
export interface DigestReading {
  value: number;
  confidence: number | null;
}

export interface DigestKeyResult extends KeyResultMeasure {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  teamName: string;
  ownerName: string;
  lastCheckInAt: Date | null;
  /** The latest reading now, and the latest one before the digest's week began (null: none yet). */
  current: DigestReading | null;
  atWeekStart: DigestReading | null;
  /** Its own cycle's expected progress, when the manager's teams work in more than one open cycle. */
  expected?: { atWeekStart: number; now: number };
}

export interface DigestCheckIn {
  keyResultId: string;
  keyResultTitle: string;
  objectiveId: string;
  objectiveTitle: string;
  teamName: string;
  authorName: string;
  value: number;
  confidence: number;
  at: Date;
}

/** What one manager's teams did this week, as the digest producer reads it. */
export interface DigestState {
  periodKey: string;
  now: Date;
  /** Expected progress (elapsed fraction of the cycle) at the week's start and now. */
  expectedAtWeekStart: number;
  expectedNow: number;
  teamNames: readonly string[];
  checkIns: readonly DigestCheckIn[];
  keyResults: readonly DigestKeyResult[];
}

export interface DigestItem {
  title: string;
  detail: string;
  /** App path of the objective it belongs to. */
  link: string;
}

export type DigestSectionKey = "check_ins" | "turned" | "stale";

export interface DigestSection {
  key: DigestSectionKey;
  title: string;
  /** Shown when the section has nothing. */
  empty: string;
  items: DigestItem[];
  /** How many more there were beyond the items shown. */
  more: number;
}

export interface WeeklyDigest {
  periodKey: string;
  teamNames: string[];
  summary: { checkIns: number; turned: number; stale: number };
  sections: DigestSection[];
}

/** Each section shows at most this many lines; the rest is a count and the link to the team page. */
export const DIGEST_SECTION_LIMIT = 15;

const SEVERITY: Record<ProgressStatus, number> = { no_data: 0, on_track: 0, at_risk: 1, off_track: 2 };
const STATUS_WORDS: Record<ProgressStatus, string> = {
  no_data: "no data",
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
};

function statusOf(kr: DigestKeyResult, reading: DigestReading | null, expected: number): ProgressStatus {
  return progressStatus(keyResultProgress(kr, reading?.value ?? null), expected, reading?.confidence ?? null);
}

function section(key: DigestSectionKey, title: string, empty: string, all: DigestItem[]): DigestSection {
  return {
    key,
    title,
    empty,
    items: all.slice(0, DIGEST_SECTION_LIMIT),
    more: Math.max(0, all.length - DIGEST_SECTION_LIMIT),
  };
}

const objectiveLink = (id: string) => `/objectives/${id}`;

/**
 * The weekly digest of a manager's teams, from a given state: the check-ins
 * made this week (newest first), the key results that turned at risk or off
 * track since the week began (worse than they were, the worst first), and the
 * stale ones (no check-in for over a week, the longest silent first).
 */
export function buildWeeklyDigest(state: DigestState): WeeklyDigest {
  const checkIns = [...state.checkIns]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((c) => ({
      title: c.keyResultTitle,
      detail: `${c.authorName} checked in ${formatNumber(c.value)} (confidence ${c.confidence}/10) · ${c.teamName}`,
      link: objectiveLink(c.objectiveId),
    }));

  const turned = state.keyResults
    .map((kr) => ({
      kr,
      before: statusOf(kr, kr.atWeekStart, kr.expected?.atWeekStart ?? state.expectedAtWeekStart),
      now: statusOf(kr, kr.current, kr.expected?.now ?? state.expectedNow),
    }))
    .filter((t) => SEVERITY[t.now] > 0 && SEVERITY[t.now] > SEVERITY[t.before])
    .sort((a, b) => SEVERITY[b.now] - SEVERITY[a.now] || a.kr.title.localeCompare(b.kr.title))
    .map(({ kr, before, now }) => ({
      title: kr.title,
      detail: `${before === "no_data" ? "First check-in" : `Was ${STATUS_WORDS[before]}`}, now ${STATUS_WORDS[now]} · ${kr.ownerName} · ${kr.teamName}`,
      link: objectiveLink(kr.objectiveId),
    }));

  const stale = state.keyResults
    .filter((kr) => isCheckInStale(kr.lastCheckInAt, state.now))
    .sort(
      (a, b) => (a.lastCheckInAt?.getTime() ?? 0) - (b.lastCheckInAt?.getTime() ?? 0) || a.title.localeCompare(b.title),
    )
    .map((kr) => ({
      title: kr.title,
      detail: `${kr.lastCheckInAt ? `No check-in for ${daysBetween(kr.lastCheckInAt, state.now)} days` : "Never checked in"} · ${kr.ownerName} · ${kr.teamName}`,
      link: objectiveLink(kr.objectiveId),
    }));

  return {
    periodKey: state.periodKey,
    teamNames: [...state.teamNames],
    summary: { checkIns: checkIns.length, turned: turned.length, stale: stale.length },
    sections: [
      section("check_ins", "Check-ins this week", "No check-ins this week yet.", checkIns),
      section("turned", "Turned at risk or off track", "Nothing turned at risk or off track.", turned),
      section("stale", "Stale key results", "Every key result was checked in within the last week.", stale),
    ],
  };
}

function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}
