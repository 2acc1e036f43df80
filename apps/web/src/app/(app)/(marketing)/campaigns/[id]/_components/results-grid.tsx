"use client";

import { type Currency, toMajorUnits, toMinorUnits } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ScrollBox } from "~/components/ui/scroll-box";
import { ui } from "~/components/ui/styles";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

interface Row {
  periodStart: string;
  spend: string;
  conversions: string;
  revenue: string;
}

const major = (minor: number | null, currency: Currency) =>
  minor === null ? "" : String(toMajorUnits(minor, currency));

/**
 * Spend and results per period, typed in major units; a blank cell stays
 * blank (not zero). Saving sends every row: the same values again change nothing.
 */
export function ResultsGrid({
  campaign,
}: {
  campaign: {
    id: string;
    currency: Currency;
    canManage: boolean;
    startsOn: string;
    results: { periodStart: string; spend: number | null; conversions: number | null; revenue: number | null }[];
  };
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate("campaigns", "kpis", "scorecard");
  const save = useMutation(trpc.campaigns.saveResults.mutationOptions());
  const [rows, setRows] = useState<Row[]>(() =>
    campaign.results.map((r) => ({
      periodStart: r.periodStart,
      spend: major(r.spend, campaign.currency),
      conversions: r.conversions === null ? "" : String(r.conversions),
      revenue: major(r.revenue, campaign.currency),
    })),
  );
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const edit = (i: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = async () => {
    setMessage(null);
    const problems: string[] = [];
    const money = (text: string, what: string, line: number) => {
      if (text.trim() === "") return null;
      const minor = /^\d+(\.\d+)?$/.test(text.trim()) ? toMinorUnits(Number(text), campaign.currency) : null;
      if (minor === null) problems.push(`Row ${line}: ${what} must be a number of ${campaign.currency}, not negative.`);
      return minor;
    };
    const count = (text: string, line: number) => {
      if (text.trim() === "") return null;
      if (/^\d+$/.test(text.trim())) return Number(text);
      problems.push(`Row ${line}: conversions must be a whole number, not negative.`);
      return null;
    };
    const values = rows.map((r, i) => ({
      periodStart: r.periodStart,
      spend: money(r.spend, "spend", i + 1),
      revenue: money(r.revenue, "revenue", i + 1),
      conversions: count(r.conversions, i + 1),
    }));
    if (problems.length) return setMessage({ tone: "error", text: problems.join(" ") });
    try {
      const result = await save.mutateAsync({ campaignId: campaign.id, currency: campaign.currency, values });
      setMessage({
        tone: "success",
        text: `Saved: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged, ${result.deleted} cleared.`,
      });
      await invalidate();
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof Error ? error.message : "The results could not be saved." });
    }
  };

  const cell = `${ui.input} min-w-24`;
  return (
    <section className={`${ui.card} space-y-3`} aria-labelledby="results-title">
      <h2 id="results-title" className="text-base font-semibold text-slate-900">
        Spend and results per period ({campaign.currency})
      </h2>
      {rows.length === 0 && <p className="text-sm text-slate-600">Nothing entered yet.</p>}
      {rows.length > 0 && (
        <ScrollBox label="Results per period">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-1 pr-2 font-medium">Period from</th>
                <th className="py-1 pr-2 font-medium">Spend</th>
                <th className="py-1 pr-2 font-medium">Conversions</th>
                <th className="py-1 font-medium">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {(["periodStart", "spend", "conversions", "revenue"] as const).map((key) => (
                    <td key={key} className="py-1 pr-2">
                      <input
                        aria-label={`${key === "periodStart" ? "Period" : key[0]?.toUpperCase() + key.slice(1)}, row ${i + 1}`}
                        type={key === "periodStart" ? "date" : "text"}
                        inputMode={key === "periodStart" ? undefined : "decimal"}
                        readOnly={!campaign.canManage}
                        value={r[key]}
                        onChange={(e) => edit(i, { [key]: e.target.value })}
                        className={cell}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {campaign.canManage && (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            onClick={() =>
              setRows((rs) => [
                ...rs,
                { periodStart: rs.at(-1)?.periodStart ?? campaign.startsOn, spend: "", conversions: "", revenue: "" },
              ])
            }
          >
            Add period
          </Button>
          {rows.length > 0 && (
            <Button disabled={save.isPending} onClick={submit}>
              {save.isPending ? "Saving…" : "Save results"}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
