import { Button, Heading, Section, Text } from "@react-email/components";
import { Layout, type LayoutProps, styles } from "./layout";

export interface CheckInEmailProps extends Omit<LayoutProps, "children" | "preview"> {
  reminder: boolean;
  recipientName: string;
  dueCount: number;
  periodKey: string;
  url: string;
}

/** The weekly check-in notice, and its reminder a few days later when it is still missing. */
export function CheckInEmail({ reminder, recipientName, dueCount, periodKey, url, ...layout }: CheckInEmailProps) {
  const krs = dueCount === 1 ? "1 key result" : `${dueCount} key results`;
  return (
    <Layout {...layout} preview={`${krs} wait for this week's check-in`}>
      <Heading as="h1" style={styles.heading}>
        {reminder ? "Your check-in is still missing" : "Time for your weekly check-in"}
      </Heading>
      <Text style={styles.text}>
        Hello {recipientName}, {krs} you own {dueCount === 1 ? "waits" : "wait"} for this week’s check-in ({periodKey}
        ): a value, your confidence, and a word on what changed.
        {reminder ? " It takes a minute, and your team sees where things stand." : ""}
      </Text>
      <Section style={{ margin: "8px 0 4px" }}>
        <Button href={url} style={styles.button}>
          Check in now
        </Button>
      </Section>
      <Text style={styles.muted}>Or open this address: {url}</Text>
    </Layout>
  );
}
