import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export interface AppLoggerOptions {
  level: string;
  /** From config: false under `NODE_ENV=production`. */
  prettyLogs: boolean;
  /** Whether stdout is a terminal; a file or a log collector always gets JSON. */
  isTty?: boolean;
  /** Where the lines go; default stdout. */
  destination?: NodeJS.WritableStream;
}

/**
 * The one pino logger of the process: JSON lines (what nais and any log collector parse), or
 * readable lines for a person at a terminal outside production. Pretty printing runs in this
 * thread (`sync`) so the last lines before an exit are not lost in a worker.
 */
export function createAppLogger({ level, prettyLogs, isTty = process.stdout.isTTY === true, destination }: AppLoggerOptions): Logger {
  if (prettyLogs && isTty) {
    const messageFormat = '{if context}[{context}] {end}{msg}';
    const ignore = 'pid,hostname,context';
    const lines = pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore, messageFormat, destination });
    return pino({ level }, lines);
  }
  return destination ? pino({ level }, destination) : pino({ level });
}
