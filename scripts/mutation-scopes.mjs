// What `npm run mutate -- --scope <name>` mutates, and which tests it runs against the mutants
// (a jest testRegex: the tests that exercise that code, not the whole suite, to keep runs short).
// Smallest first: the order to run them in on a busy machine.
export const MUTATION_SCOPES = {
  deciders: {
    mutate: [
      'src/**/*.decide.ts',
      'src/cases/case-rules.ts',
      'src/cases/case.ts',
      'src/employers/employer.ts',
      'src/employers/recruitment-need.ts',
    ],
    tests: '/src/(cases|employers)/.*\\.spec\\.ts$',
    needsDatabase: false,
  },
  auth: {
    mutate: ['src/auth/**/*.ts', '!src/auth/**/*spec.ts'],
    tests: '/src/(auth|access-log)/.*\\.(spec|api-spec|int-spec)\\.ts$|/test/access-log\\.e2e-spec\\.ts$',
    needsDatabase: true,
    timeoutMS: 30_000,
  },
  views: {
    mutate: ['src/shared/views/**/*.ts', '!src/shared/views/**/*spec.ts', '!src/shared/views/*.examples.ts'],
    // Not the e2e specs: their beforeAll records a whole history, half a minute for every mutant.
    // The replays' own specs in src/views fold the app's projections, which src/shared may not import.
    // And the OpenAPI document's test: the answer schemas here make the document (docs/openapi.json).
    tests:
      '/src/shared/views/.*\\.(spec|api-spec|int-spec)\\.ts$|/src/views/(kept-replays|view-replay)\\.spec\\.ts$|/test/open-api-document\\.spec\\.ts$',
    needsDatabase: true,
    timeoutMS: 30_000,
  },
  'event-store': {
    // The TypeScript checker looks at the libraries only: a fraction of the time of the whole project.
    tsconfig: 'tsconfig.mutate-libs.json',
    mutate: ['libs/event-store/src/postgres/**/*.ts', '!libs/event-store/src/postgres/**/*spec.ts'],
    tests: '/libs/event-store/src/postgres/.*\\.int-spec\\.ts$',
    needsDatabase: true,
    timeoutMS: 60_000,
  },
  projections: {
    // The TypeScript checker looks at the libraries only: a fraction of the time of the whole project.
    tsconfig: 'tsconfig.mutate-libs.json',
    mutate: [
      'libs/projections/src/projection-engine.ts',
      'libs/projections/src/projection-jobs.ts',
      'libs/projections/src/batch-commit.ts',
      'libs/projections/src/rebuild-swap.ts',
      'libs/projections/src/rebuild-window.ts',
      'libs/projections/src/follow.ts',
      'libs/projections/src/shared-log-reader.ts',
      'libs/projections/src/progress.ts',
    ],
    // Not the tests of leadership, lost connections, rolling deploys, the Nest module and the
    // checkpoint store: they start engines of their own for other files' sake, and made the initial
    // run alone take more than five minutes.
    tests:
      '/libs/projections/src/([a-z-]+\\.spec|(crash-recovery|failure|ordered-read|projection-engine|projection-jobs|rebuild-request|rebuild-swap|rebuild-window|rebuild|shared-rebuild)\\.int-spec)\\.ts$',
    needsDatabase: true,
    timeoutMS: 60_000,
  },
};
