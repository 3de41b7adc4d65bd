/**
 * JSON lines in the shape pino writes, for the moments before the Nest logger exists
 * (starting the embedded database) and after it is gone (stopping it).
 */
export const startUpLog = (msg: string, level: 'info' | 'warn' | 'fatal' = 'info'): void => {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg });
  if (level === 'info') process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
};
