import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page depends on who is signed in: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Meridian", template: "%s · Meridian" },
  description: "OKR planning, balanced-scorecard reviews and KPI tracking.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
