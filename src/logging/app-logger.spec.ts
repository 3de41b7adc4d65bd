import { Writable } from 'node:stream';
import { createAppLogger } from './app-logger.js';
import { NestPinoLogger } from './nest-logger.adapter.js';

const capture = () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
};

describe('the app logger', () => {
  it('writes JSON lines with the Nest context, and an error with its stack', () => {
    const { lines, destination } = capture();
    const nest = new NestPinoLogger(createAppLogger({ level: 'info', prettyLogs: true, isTty: false, destination }));
    nest.log('listening', 'Bootstrap');
    nest.error('batch failed', 'Error: boom\n    at fold (x.js:1:1)', 'Projections');
    nest.debug('not at info', 'Projections');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 30, context: 'Bootstrap', msg: 'listening' }),
      expect.objectContaining({ level: 50, context: 'Projections', msg: 'batch failed', stack: 'Error: boom\n    at fold (x.js:1:1)' }),
    ]);
  });

  it('writes readable lines at a terminal outside production, JSON in production even there', () => {
    const pretty = capture();
    const logger = createAppLogger({ level: 'info', prettyLogs: true, isTty: true, destination: pretty.destination });
    logger.info({ context: 'Bootstrap' }, 'listening');
    expect(pretty.lines.join('\n')).toMatch(/INFO.*\[Bootstrap\] listening/);
    expect(() => JSON.parse(pretty.lines[0]!)).toThrow();

    const production = capture();
    createAppLogger({ level: 'info', prettyLogs: false, isTty: true, destination: production.destination }).info('listening');
    expect(JSON.parse(production.lines[0]!)).toMatchObject({ msg: 'listening' });
  });
});
