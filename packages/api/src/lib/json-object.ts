import { type AnyPgColumn, SQL, sql } from "@meridian/db";

/**
 * `json_build_object` of these columns or expressions, keyed by the record's names: how a statement
 * that reads several things at once returns each as one JSON column, in the field names the code
 * reads. An aliased expression (`sql…as()`) contributes its expression.
 */
export function jsonObject(fields: Record<string, SQL | SQL.Aliased | AnyPgColumn>): SQL {
  return sql`json_build_object(${sql.join(
    // The keys are the caller's own field names, written into the statement as they are.
    Object.entries(fields).map(
      ([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value instanceof SQL.Aliased ? value.sql : value}`,
    ),
    sql`, `,
  )})`;
}
