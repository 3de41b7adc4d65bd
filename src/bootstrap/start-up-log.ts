import { hostname } from 'node:os';

const PINO_LEVELS = { info: 30, warn: 40, fatal: 60 } as const;

/**
 * Lines in the shape pino writes, for the moments before the Nest logger exists (starting
 * the embedded database) and after it is gone (stopping it), so one log parser reads them all.
 */
export const startUpLog = (msg: string, level: keyof typeof PINO_LEVELS = 'info'): void => {
  const line = JSON.stringify({
    level: PINO_LEVELS[level],
    time: Date.now(),
    pid: process.pid,
    hostname: hostname(),
    context: 'Bootstrap',
    msg,
  });
  process.stdout.write(`${line}\n`);
};
