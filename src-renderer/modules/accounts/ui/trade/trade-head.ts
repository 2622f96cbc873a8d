import { addDays as addCalendarDays } from '../../../../core/dates';

/** Pure helpers behind the invoice/bill editor's head fields (no React, so unit-tested). */

/** ISO date plus whole days (UTC arithmetic, the core's rule for due dates from terms). */
export function addDays(date: string, days: number): string {
  // A half-typed date shows no due date rather than a wrong one.
  if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) return '';
  return addCalendarDays(date, days);
}
