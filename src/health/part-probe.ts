export type PartHealth = 'up' | 'down';

/** A part that does not answer within this is down: a load balancer must not wait on a hung pool. */
const PROBE_TIMEOUT_MS = 2000;

export const probe = async (check: () => Promise<unknown>): Promise<PartHealth> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
};
