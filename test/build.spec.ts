import { execFileSync } from 'node:child_process';

/** `npm start` builds with tsconfig.build.json first: a type error there would stop the service. */
describe('the production build', () => {
  it('type-checks everything npm start compiles', () => {
    const run = () => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--noEmit'], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  }, 120_000);
});
