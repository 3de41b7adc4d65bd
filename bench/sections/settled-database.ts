/**
 * Waits until no autovacuum worker has run for three looks in a row, a second apart, and at most
 * `maxSeconds`; resolves to the seconds waited. Seeding a million events in minutes, then the open
 * loop's commands, leave PostgreSQL vacuuming and analysing for minutes after: work that a log grown
 * over years never has all at once, and that would be timed as part of whatever runs meanwhile.
 */
export async function waitForAutovacuum(query: (text: string) => Promise<{ n: string }[]>, maxSeconds = 180): Promise<number> {
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  for (let quiet = 0; quiet < 3 && performance.now() < deadline;) {
    const [row] = await query("SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
    quiet = Number(row!.n) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return Math.round((performance.now() - started) / 100) / 10;
}
