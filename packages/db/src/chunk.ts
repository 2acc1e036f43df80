/** Splits rows into batches, so one statement stays far below Postgres' 65,535 bound parameters. */
export const chunk = <T>(items: readonly T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
