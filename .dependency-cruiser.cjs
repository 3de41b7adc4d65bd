// The layering rules of docs/architecture.md for the code that ships (tests are left out: a spec beside its
// code reaches the app through test/'s harness, a cycle by nature). `.dependency-cruiser.tests.cjs` holds
// test code to the rules that apply to it. Both run in `npm run lint` and in test/architecture.spec.ts.
const LIB_ENTRIES = [
  '^libs/event-store/src/index\\.ts$',
  '^libs/event-store/src/kurrentdb/kurrentdb-event-store\\.ts$',
  '^libs/event-store/src/kurrentdb/testing/kurrentdb-grpc-stub\\.ts$',
  '^libs/projections/src/index\\.ts$',
  '^libs/projections/src/testing/index\\.ts$',
  '^libs/database/src/index\\.ts$',
  '^libs/testing/src/index\\.ts$',
];
// Pure domain code: events, state, decide and evolve.
const DOMAIN_FILES =
  '(^src/employers/(employer|employer-home|inquiry|recruitment-need)\\.ts$)|(^src/cases/case\\.ts$)|(\\.(decide|projection)\\.ts$)';

// Specs, the test harness and helpers, the event store's contract suite, benchmarks, build output.
const TEST_CODE =
  '(\\.(spec|int-spec|api-spec|e2e-spec)\\.ts$)|^test/|^bench/|^libs/[^/]+/src/(testing|contract)/|^libs/event-store/src/kurrentdb/testing/|^libs/testing/|^(dist|node_modules|coverage)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-the-app',
      comment: 'libs/ are libraries the app uses; they know nothing of it.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(src|test|bench)/' },
    },
    {
      name: 'shared-imports-no-area',
      comment: 'src/shared is what every area builds on, so it may use only libs, config and itself.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/(shared|config)/' },
    },
    {
      name: 'offices-read-areas-through-their-views',
      comment: 'The offices compared read the employers and cases areas only through their *.views.ts and *.figures.ts.',
      severity: 'error',
      from: { path: '^src/offices/' },
      to: { path: '^src/(employers|cases)/', pathNot: '^src/[^/]+/[^/]+\\.(views|figures)\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain files (employer.ts, case.ts, *.decide.ts, *.projection.ts) import neither Nest nor TypeORM.',
      severity: 'error',
      from: { path: DOMAIN_FILES },
      to: { path: '(^|/)node_modules/(@nestjs/|typeorm/)|^(@nestjs/|typeorm$)' },
    },
    {
      name: 'libs-only-through-their-entry',
      comment: 'A library is used through its public entry (@app/<name>), never by a path into its files.',
      severity: 'error',
      from: { pathNot: '^libs/' },
      to: { path: '^libs/[^/]+/src/', pathNot: LIB_ENTRIES },
    },
    {
      name: 'libs-use-each-other-through-their-entry',
      comment: 'Inside a library any file; another library only through its public entry.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', ...LIB_ENTRIES] },
    },
    {
      name: 'no-circular-modules',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'Two folders that import each other are one tangle: cut one direction.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: TEST_CODE },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
