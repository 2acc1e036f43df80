import type { KeyResultType, KeyResultUnit, ObjectiveLevel, ObjectiveStatus, Role, Visibility } from "@meridian/domain";

/** The believable organization a fresh install starts with. Pure data; demo.ts writes it. */

export const DEMO_PASSWORD = "meridian-demo";
export const DEMO_ORGANIZATION = { name: "Northwind Labs", slug: "northwind-demo" } as const;

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: Role;
}

export const DEMO_USERS: DemoUser[] = [
  { key: "admin", email: "admin@example.com", name: "Alex Morgan", role: "admin" },
  { key: "manager", email: "manager@example.com", name: "Maya Chen", role: "manager" },
  { key: "member", email: "member@example.com", name: "Sam Rivera", role: "member" },
  { key: "viewer", email: "viewer@example.com", name: "Victor Hale", role: "viewer" },
  { key: "ceo", email: "priya.nair@example.com", name: "Priya Nair", role: "manager" },
  { key: "sales", email: "jordan.blake@example.com", name: "Jordan Blake", role: "manager" },
  { key: "eng", email: "lena.fischer@example.com", name: "Lena Fischer", role: "manager" },
  { key: "cs", email: "omar.haddad@example.com", name: "Omar Haddad", role: "manager" },
  { key: "nina", email: "nina.park@example.com", name: "Nina Park", role: "member" },
  { key: "tom", email: "tom.becker@example.com", name: "Tom Becker", role: "member" },
  { key: "lucia", email: "lucia.gomez@example.com", name: "Lucia Gomez", role: "member" },
  { key: "ravi", email: "ravi.patel@example.com", name: "Ravi Patel", role: "member" },
];

export interface DemoTeam {
  key: string;
  name: string;
  parent: string | null;
  leads: string[];
  members: string[];
}

export const DEMO_TEAMS: DemoTeam[] = [
  { key: "exec", name: "Executive", parent: null, leads: ["ceo"], members: ["admin", "viewer"] },
  { key: "marketing", name: "Marketing", parent: "exec", leads: ["manager"], members: ["member"] },
  { key: "sales", name: "Sales", parent: "exec", leads: ["sales"], members: ["tom"] },
  { key: "eng", name: "Engineering", parent: "exec", leads: ["eng"], members: ["nina", "ravi"] },
  { key: "cs", name: "Customer Success", parent: "exec", leads: ["cs"], members: ["lucia"] },
];

export interface DemoKeyResult {
  title: string;
  type: KeyResultType;
  start: number;
  target: number;
  unit?: KeyResultUnit;
  unitLabel?: string;
  weight?: number;
  owner: string;
  /**
   * Progress reached by today as a share of what is expected by now
   * (1 = exactly on pace); null = nobody has checked in yet.
   */
  pace: number | null;
  /** Latest confidence 0–10. */
  confidence?: number;
  /** The owner's grade at close, overriding the suggestion. */
  grade?: { grade: number; reason: string };
}

export interface DemoObjective {
  key: string;
  title: string;
  description?: string;
  level: ObjectiveLevel;
  owner: string;
  team: string | null;
  parent: string | null;
  status?: ObjectiveStatus;
  visibility?: Visibility;
  progressSource?: "key_results" | "aligned_objectives" | "both";
  weight?: number;
  /** Key of last quarter's objective this one continues. */
  carriedFrom?: string;
  comments?: { author: string; body: string }[];
  keyResults: DemoKeyResult[];
}

export const DEMO_OBJECTIVES: DemoObjective[] = [
  {
    key: "growth",
    title: "Grow recurring revenue into a second growth engine",
    description: "New logos and expansion from the mid-market segment.",
    level: "company",
    owner: "ceo",
    team: "exec",
    parent: null,
    progressSource: "both",
    keyResults: [
      {
        title: "Annual recurring revenue",
        type: "increase_to",
        start: 4.2,
        target: 5.5,
        unit: "currency",
        unitLabel: "M USD",
        owner: "ceo",
        pace: 0.95,
        confidence: 7,
      },
    ],
  },
  {
    key: "pipeline",
    title: "Build a predictable marketing pipeline",
    level: "team",
    owner: "manager",
    team: "marketing",
    parent: "growth",
    progressSource: "both",
    comments: [
      { author: "ceo", body: "Great start on MQLs. Can we tie the referral programme to the partner summit?" },
      { author: "manager", body: "Yes: the programme launches the week of the summit; the milestone moves then." },
    ],
    keyResults: [
      {
        title: "Marketing-qualified leads per month",
        type: "increase_to",
        start: 320,
        target: 600,
        owner: "manager",
        pace: 1.1,
        confidence: 8,
      },
      {
        title: "Cost per lead",
        type: "decrease_to",
        start: 85,
        target: 60,
        unit: "currency",
        unitLabel: "USD",
        owner: "member",
        pace: 0.8,
        confidence: 6,
      },
      {
        title: "Launch the partner referral programme",
        type: "milestone",
        start: 0,
        target: 1,
        owner: "manager",
        pace: 0,
      },
    ],
  },
  {
    key: "webinars",
    title: "Make our webinars the place buyers learn the category",
    level: "personal",
    owner: "member",
    team: "marketing",
    parent: "pipeline",
    keyResults: [
      {
        title: "Webinar registrations per session",
        type: "increase_to",
        start: 150,
        target: 400,
        owner: "member",
        pace: 0.75,
        confidence: 5,
      },
      {
        title: "Attendance rate",
        type: "percentage",
        start: 0,
        target: 100,
        unit: "percent",
        owner: "member",
        pace: 0.9,
        confidence: 6,
      },
      { title: "Publish the buyer's guide", type: "milestone", start: 0, target: 1, owner: "member", pace: null },
    ],
  },
  {
    key: "advocacy",
    title: "Turn happy customers into advocates",
    description: "Drafted by Sam for the Marketing team; waiting for Maya to publish.",
    level: "team",
    owner: "member",
    team: "marketing",
    parent: "growth",
    status: "draft",
    keyResults: [
      {
        title: "Published customer case studies",
        type: "increase_to",
        start: 0,
        target: 6,
        owner: "member",
        pace: null,
      },
      { title: "Review-site rating", type: "stay_at_or_above", start: 0, target: 4.5, owner: "member", pace: null },
    ],
  },
  {
    key: "close",
    carriedFrom: "prev-growth",
    title: "Close more of the deals we create",
    level: "team",
    owner: "sales",
    team: "sales",
    parent: "growth",
    keyResults: [
      {
        title: "Win rate",
        type: "increase_to",
        start: 18,
        target: 25,
        unit: "percent",
        owner: "sales",
        pace: 0.55,
        confidence: 4,
      },
      {
        title: "Sales cycle length",
        type: "decrease_to",
        start: 62,
        target: 45,
        unit: "custom",
        unitLabel: "days",
        owner: "tom",
        pace: 0.45,
        confidence: 3,
      },
    ],
  },
  {
    key: "quality",
    title: "Ship a product customers can rely on",
    level: "company",
    owner: "ceo",
    team: "exec",
    parent: null,
    progressSource: "aligned_objectives",
    keyResults: [],
  },
  {
    key: "reliability",
    title: "Raise platform reliability to enterprise grade",
    level: "team",
    owner: "eng",
    team: "eng",
    parent: "quality",
    weight: 2,
    keyResults: [
      {
        title: "Monthly uptime",
        type: "stay_at_or_above",
        start: 0,
        target: 99.9,
        unit: "percent",
        owner: "eng",
        pace: 1,
        confidence: 8,
      },
      {
        title: "P1 incidents per month",
        type: "stay_at_or_below",
        start: 0,
        target: 2,
        owner: "ravi",
        pace: 1,
        confidence: 7,
      },
      {
        title: "Mean time to restore",
        type: "decrease_to",
        start: 240,
        target: 60,
        unit: "custom",
        unitLabel: "min",
        owner: "nina",
        pace: 1.2,
        confidence: 8,
      },
    ],
  },
  {
    key: "ci",
    title: "Cut the time from merge to production",
    level: "personal",
    owner: "nina",
    team: "eng",
    parent: "reliability",
    keyResults: [
      {
        title: "Deploy pipeline duration",
        type: "decrease_to",
        start: 45,
        target: 15,
        unit: "custom",
        unitLabel: "min",
        owner: "nina",
        pace: 1.05,
        confidence: 9,
      },
    ],
  },
  {
    key: "retention",
    title: "Keep customers longer",
    level: "team",
    owner: "cs",
    team: "cs",
    parent: "quality",
    keyResults: [
      {
        title: "Net revenue retention",
        type: "increase_to",
        start: 104,
        target: 112,
        unit: "percent",
        owner: "cs",
        pace: 0.35,
        confidence: 3,
      },
      {
        title: "Onboarding completed in 30 days",
        type: "percentage",
        start: 0,
        target: 100,
        unit: "percent",
        owner: "lucia",
        pace: 0.7,
        confidence: 5,
      },
    ],
  },
  {
    key: "people",
    title: "Be a place great people want to join",
    level: "company",
    owner: "admin",
    team: "exec",
    parent: null,
    keyResults: [
      { title: "Employee NPS", type: "increase_to", start: 22, target: 40, owner: "admin", pace: 0.9, confidence: 7 },
      {
        title: "Regretted attrition",
        type: "stay_at_or_below",
        start: 0,
        target: 5,
        unit: "percent",
        owner: "admin",
        pace: 1,
        confidence: 7,
      },
    ],
  },
  {
    key: "hiring-plan",
    title: "Hiring plan for the second half",
    level: "team",
    owner: "eng",
    team: "eng",
    parent: "people",
    status: "draft",
    keyResults: [
      { title: "Engineering hires signed", type: "increase_to", start: 0, target: 6, owner: "eng", pace: null },
    ],
  },
  {
    key: "private-1on1",
    title: "Grow into a team lead role",
    level: "personal",
    owner: "ravi",
    team: "eng",
    parent: null,
    visibility: "private",
    keyResults: [
      {
        title: "Mentoring sessions held",
        type: "increase_to",
        start: 0,
        target: 12,
        owner: "ravi",
        pace: 0.8,
        confidence: 6,
      },
    ],
  },
];

/** Last quarter's objectives: closed, with their full check-in history. */
export const DEMO_PREVIOUS_OBJECTIVES: DemoObjective[] = [
  {
    key: "prev-growth",
    title: "Prove the mid-market motion",
    level: "company",
    owner: "ceo",
    team: "exec",
    parent: null,
    status: "closed",
    keyResults: [
      {
        title: "Mid-market deals closed",
        type: "increase_to",
        start: 0,
        target: 20,
        owner: "ceo",
        pace: 0.85,
        confidence: 7,
      },
      {
        title: "Launch the self-serve trial",
        type: "milestone",
        start: 0,
        target: 1,
        owner: "ceo",
        pace: 1,
        confidence: 9,
      },
    ],
  },
  {
    key: "prev-uptime",
    title: "Stabilise the platform",
    level: "team",
    owner: "eng",
    team: "eng",
    parent: "prev-growth",
    status: "closed",
    keyResults: [
      {
        title: "Monthly uptime",
        type: "stay_at_or_above",
        start: 0,
        target: 99.5,
        unit: "percent",
        owner: "eng",
        pace: 1,
        confidence: 8,
      },
    ],
  },
];
