/**
 * Stock age buckets in days as of a report's date (data/report-ageing.ts): the usual 0–30,
 * 31–90, 91–180 and over 180. Pure, so the page, the CSV and the PDF name them alike.
 */
export const AGE_BUCKETS = ['0–30', '31–90', '91–180', '>180'] as const;

/** Which bucket a stock `days` old falls in. */
export function bucketOf(days: number): number {
  return days <= 30 ? 0 : days <= 90 ? 1 : days <= 180 ? 2 : 3;
}
