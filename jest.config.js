// ts-jest in ESM mode: the project is ESM because Nest 12 is. Run under
// `node --experimental-vm-modules` (see the npm scripts).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '\\.(spec|int-spec|api-spec|e2e-spec)\\.ts$',
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The libraries' public entries, as in tsconfig.json's paths.
    '^@app/event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^@app/event-store/kurrentdb$': '<rootDir>/libs/event-store/src/kurrentdb/kurrentdb-event-store.ts',
    '^@app/projections$': '<rootDir>/libs/projections/src/index.ts',
    '^@app/projections/testing$': '<rootDir>/libs/projections/src/testing/index.ts',
    '^@app/database$': '<rootDir>/libs/database/src/index.ts',
    '^@app/testing$': '<rootDir>/libs/testing/src/index.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  // One throwaway PostgreSQL for the whole run (embedded unless DATABASE_URL is set);
  // each test file makes its own database on it.
  globalSetup: '<rootDir>/libs/testing/jest-global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/jest-global-teardown.js',
  testTimeout: 30000,
  // A cache of this checkout's own: jest's default (/tmp/jest_*) is shared by every checkout on the
  // machine, and a transform cached there by another checkout's config gave 'exports is not defined'.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
