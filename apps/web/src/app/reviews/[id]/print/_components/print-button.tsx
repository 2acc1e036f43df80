"use client";

import { Button } from "~/components/ui/button";

/** Opens the browser's print dialog, from which "Save as PDF" gives the board pack. */
export function PrintButton() {
  return <Button onClick={() => window.print()}>Print / Save as PDF</Button>;
}
