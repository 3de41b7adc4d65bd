// The browser tests (`npm run test:browser`): real Chromium against the built web app served by
// the whole app. Apart from `npm test` (whose testRegex never matches *.browser-spec.ts), because
// they need Chromium and a build of the web app.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testRegex: '\\.browser-spec\\.ts$',
  testTimeout: 120000,
  maxWorkers: 1,
  verbose: true,
};
