/** The calendar date (YYYY-MM-DD) at this instant in a place this many minutes ahead of UTC. */
export function localDate(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
