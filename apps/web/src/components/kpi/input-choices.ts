/**
 * The KPIs the form offers as a computed KPI's inputs: one page of every kind (the form keeps those
 * with values of their own), asked for alike by the page's prefetch and the form.
 */
export const INPUT_CHOICES = { limit: 100 } as const;
