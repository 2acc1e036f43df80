import type { DigestSection, WeeklyDigest } from "@meridian/domain";
import { Button, Column, Heading, Link, Row, Section, Text } from "@react-email/components";
import { Layout, type LayoutProps, styles } from "./layout";

export interface DigestEmailProps extends Omit<LayoutProps, "children" | "preview"> {
  digest: WeeklyDigest;
  recipientName: string;
  /** Absolute app address: item links are app paths. */
  appUrl: string;
  teamUrl: string;
}

const summaryCell = {
  backgroundColor: "#f5f6ff",
  borderRadius: 6,
  padding: "12px 8px",
  textAlign: "center" as const,
  verticalAlign: "top" as const,
  width: "32%",
};
const summaryNumber = { color: "#111827", fontSize: 24, fontWeight: 700, lineHeight: "28px", margin: 0 };
const summaryLabel = { color: "#4b5563", fontSize: 12, lineHeight: "16px", margin: "4px 0 0" };
const sectionTitle = { color: "#111827", fontSize: 16, fontWeight: 700, margin: "24px 0 8px" };
const item = { borderTop: "1px solid #eef0f3", padding: "10px 0" };
const itemTitle = { color: "#111827", fontSize: 15, fontWeight: 600, margin: 0, textDecoration: "none" };
const itemDetail = { color: "#4b5563", fontSize: 13, lineHeight: "20px", margin: "2px 0 0" };

const accent: Record<DigestSection["key"], string> = { check_ins: "#16a34a", turned: "#dc2626", stale: "#d97706" };

function DigestSectionBlock({ section, appUrl }: { section: DigestSection; appUrl: string }) {
  return (
    <Section>
      <Text style={{ ...sectionTitle, borderLeft: `4px solid ${accent[section.key]}`, paddingLeft: 10 }}>
        {section.title} ({section.items.length + section.more})
      </Text>
      {section.items.length === 0 ? (
        <Text style={{ ...styles.muted, padding: "4px 0 0 14px" }}>{section.empty}</Text>
      ) : null}
      {section.items.map((i) => (
        <Section key={`${i.link}:${i.title}:${i.detail}`} style={item}>
          <Link href={`${appUrl}${i.link}`} style={itemTitle}>
            {i.title}
          </Link>
          <Text style={itemDetail}>{i.detail}</Text>
        </Section>
      ))}
      {section.more > 0 ? <Text style={styles.muted}>…and {section.more} more.</Text> : null}
    </Section>
  );
}

/** The manager's weekly digest: three numbers, then the three sections, each line a link to its objective. */
export function DigestEmail({ digest, recipientName, appUrl, teamUrl, ...layout }: DigestEmailProps) {
  const { summary } = digest;
  const teams = digest.teamNames.join(", ");
  return (
    <Layout
      {...layout}
      preview={`${summary.checkIns} check-ins, ${summary.turned} turned at risk or off track, ${summary.stale} stale`}
    >
      <Heading as="h1" style={styles.heading}>
        Your teams’ week ({digest.periodKey})
      </Heading>
      <Text style={styles.text}>
        Hello {recipientName}, here is how {teams || "your teams"} did over the last seven days.
      </Text>
      <Row>
        <Column style={summaryCell}>
          <Text style={summaryNumber}>{summary.checkIns}</Text>
          <Text style={summaryLabel}>check-ins</Text>
        </Column>
        <Column style={{ width: 8 }} />
        <Column style={summaryCell}>
          <Text style={summaryNumber}>{summary.turned}</Text>
          <Text style={summaryLabel}>turned at risk or off track</Text>
        </Column>
        <Column style={{ width: 8 }} />
        <Column style={summaryCell}>
          <Text style={summaryNumber}>{summary.stale}</Text>
          <Text style={summaryLabel}>stale key results</Text>
        </Column>
      </Row>
      {digest.sections.map((s) => (
        <DigestSectionBlock key={s.key} section={s} appUrl={appUrl} />
      ))}
      <Section style={{ margin: "24px 0 0" }}>
        <Button href={teamUrl} style={styles.button}>
          Open your team page
        </Button>
      </Section>
    </Layout>
  );
}
