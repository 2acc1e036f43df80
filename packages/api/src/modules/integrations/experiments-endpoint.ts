import { type Database, eq, experimentMetrics, experiments, experimentVariants } from "@meridian/db";
import { ZIngestExperimentResultsSchema } from "@meridian/domain";
import type { z } from "zod";
import { type ResultWrite, upsertResults } from "../experiments/results.commands";
import { type IngestToken, ingestEndpoint, json } from "./ingest-request";

/**
 * POST /api/ingest/experiments: daily experiment results pushed by another system with an organization's API
 * token. Items name the experiment (id or name), the variant and the metric (the primary one when absent) by
 * name. One bad item refuses the whole push, naming each problem; results are upserted per experiment,
 * variant, metric and day, so a repeated push changes nothing.
 */
export const handleIngestExperimentResults = ingestEndpoint({
  path: "/api/ingest/experiments",
  what: "experiment results",
  scope: "marketing:write",
  schema: ZIngestExperimentResultsSchema,
  apply: ingest,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (s: string) => s.trim().toLowerCase();

async function ingest(
  db: Database,
  token: IngestToken,
  data: z.output<typeof ZIngestExperimentResultsSchema>,
): Promise<Response> {
  const org = token.organizationId;

  // Only this token's organization's experiments exist here; one statement each for experiments and their arms.
  const [known, variants, metrics] = await Promise.all([
    db
      .select({ id: experiments.id, name: experiments.name, status: experiments.status })
      .from(experiments)
      .where(eq(experiments.organizationId, org)),
    db
      .select({
        id: experimentVariants.id,
        experimentId: experimentVariants.experimentId,
        name: experimentVariants.name,
      })
      .from(experimentVariants)
      .where(eq(experimentVariants.organizationId, org)),
    db
      .select({
        id: experimentMetrics.id,
        experimentId: experimentMetrics.experimentId,
        name: experimentMetrics.name,
        isPrimary: experimentMetrics.isPrimary,
      })
      .from(experimentMetrics)
      .where(eq(experimentMetrics.organizationId, org)),
  ]);

  const writes = new Map<string, ResultWrite[]>();
  const seen = new Map<string, number>();
  const bad: { path: string; message: string }[] = [];
  data.results.forEach((item, index) => {
    const errors: string[] = [];
    const ref = item.experiment.trim();
    const named = known.filter((e) => (UUID.test(ref) ? e.id === ref.toLowerCase() : key(e.name) === key(ref)));
    const experiment = named.length === 1 ? named[0] : undefined;
    if (named.length > 1) errors.push(`Several experiments are named "${ref}": use the experiment's id.`);
    else if (!experiment) errors.push(`No experiment is ${UUID.test(ref) ? "with the id" : "named"} ${ref}.`);
    else if (experiment.status === "concluded") errors.push(`${experiment.name} is concluded; its numbers are final.`);
    const variant = experiment
      ? variants.find((v) => v.experimentId === experiment.id && key(v.name) === key(item.variant))
      : undefined;
    if (experiment && !variant) errors.push(`${experiment.name} has no variant named "${item.variant}".`);
    const metric = experiment
      ? metrics.find(
          (m) => m.experimentId === experiment.id && (item.metric ? key(m.name) === key(item.metric) : m.isPrimary),
        )
      : undefined;
    if (experiment && !metric) errors.push(`${experiment.name} has no metric named "${item.metric ?? ""}".`);
    if (experiment && variant && metric) {
      const k = `${variant.id}|${metric.id}|${item.day}`;
      const first = seen.get(k);
      if (first !== undefined) errors.push(`${variant.name} on ${item.day} is already given in item ${first}.`);
      else seen.set(k, index);
    }
    if (errors.length || !experiment || !variant || !metric) {
      bad.push({ path: `results.${index}`, message: errors.join(" ") });
      return;
    }
    const list = writes.get(experiment.id) ?? [];
    list.push({
      variantId: variant.id,
      metricId: metric.id,
      day: item.day,
      exposures: item.exposures,
      conversions: item.conversions,
    });
    writes.set(experiment.id, list);
  });
  if (bad.length) {
    return json(400, {
      error: `${bad.length} of ${data.results.length} results have errors, so nothing was written. Fix them and push again.`,
      errors: bad,
    });
  }

  const totals = await db.transaction(async (tx) => {
    const sum = { created: 0, updated: 0, unchanged: 0 };
    for (const [experimentId, list] of writes) {
      const r = await upsertResults(tx, {
        organizationId: org,
        experimentId,
        source: "api",
        actorId: null,
        writes: list,
        action: "experiment.results.pushed",
      });
      sum.created += r.created;
      sum.updated += r.updated;
      sum.unchanged += r.unchanged;
    }
    return sum;
  });
  return json(200, totals);
}
