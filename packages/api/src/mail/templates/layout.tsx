import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export interface LayoutProps {
  preview: string;
  organizationName: string;
  /** The kind's label, as the footer names what the unsubscribe link turns off. */
  kindLabel: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
  children: ReactNode;
}

const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: font, margin: 0, padding: "24px 0" },
  container: {
    backgroundColor: "#ffffff",
    border: "1px solid #e3e5e8",
    borderRadius: 8,
    margin: "0 auto",
    maxWidth: 600,
    padding: "28px 32px",
  },
  brand: { color: "#4338ca", fontSize: 14, fontWeight: 700, letterSpacing: 0.4, margin: "0 0 16px" },
  heading: { color: "#111827", fontSize: 22, fontWeight: 700, lineHeight: "30px", margin: "0 0 12px" },
  text: { color: "#374151", fontSize: 15, lineHeight: "24px", margin: "0 0 16px" },
  muted: { color: "#6b7280", fontSize: 13, lineHeight: "20px", margin: 0 },
  button: {
    backgroundColor: "#4338ca",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: "#4338ca", textDecoration: "underline" },
  hr: { borderColor: "#e3e5e8", margin: "28px 0 16px" },
} as const;

/** The frame every Meridian email shares: brand, content, and the footer with the one-click unsubscribe. */
export function Layout({
  preview,
  organizationName,
  kindLabel,
  unsubscribeUrl,
  preferencesUrl,
  children,
}: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>MERIDIAN · {organizationName}</Text>
          {children}
          <Hr style={styles.hr} />
          <Section>
            <Text style={styles.muted}>
              You get this email because “{kindLabel}” emails are on for you in {organizationName}.{" "}
              <Link href={unsubscribeUrl} style={styles.link}>
                Unsubscribe from {kindLabel} emails
              </Link>{" "}
              (one click, no sign-in) or{" "}
              <Link href={preferencesUrl} style={styles.link}>
                choose which notifications you get
              </Link>
              .
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
