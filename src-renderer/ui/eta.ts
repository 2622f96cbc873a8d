/**
 * "About 3 minutes left" for a long copy, from how fast it has gone so far. Null until there is
 * enough to go on (a few seconds and a few percent), so the first guess is not a wild one.
 */
export function etaText(
  p: { done: number; total: number | null; startedAt: string },
  now: Date = new Date(),
): string | null {
  if (!p.total || p.done <= 0 || p.done >= p.total) return null;
  const elapsed = (now.getTime() - Date.parse(p.startedAt)) / 1000;
  if (elapsed < 3 || p.done / p.total < 0.02) return null;
  const left = (elapsed / p.done) * (p.total - p.done);
  if (left < 60) return 'less than a minute left';
  const minutes = Math.round(left / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'} left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min left`;
}
