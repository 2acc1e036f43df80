import { Button, Heading, Section, Text } from "@react-email/components";
import { Layout, type LayoutProps, styles } from "./layout";

export interface EventEmailProps extends Omit<LayoutProps, "children" | "preview"> {
  title: string;
  body: string;
  url: string;
  action: string;
}

/** A single event (a mention, an assigned or overdue action, a review, a check-in due): what, and the way there. */
export function EventEmail({ title, body, url, action, ...layout }: EventEmailProps) {
  return (
    <Layout {...layout} preview={body || title}>
      <Heading as="h1" style={styles.heading}>
        {title}
      </Heading>
      {body ? <Text style={styles.text}>{body}</Text> : null}
      <Section style={{ margin: "8px 0 4px" }}>
        <Button href={url} style={styles.button}>
          {action}
        </Button>
      </Section>
      <Text style={styles.muted}>Or open this address: {url}</Text>
    </Layout>
  );
}
