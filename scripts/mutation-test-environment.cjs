// Jest's node environment for mutation runs (scripts/mutate.mjs), so that code the tests run in
// the background still counts as covered by a test.
//
// Stryker's per-test coverage credits code to the test running at that moment and counts what runs
// between tests (in beforeAll, after a test ends) as "static": such a mutant is run against every
// test of the scope. The projection engines and the event store's group commit are started in
// beforeAll and go on working between tests, so most of their mutants came out static, and a scope
// took hours. Here what runs once a file's tests have started is credited instead to the file's
// first test (before it starts: its beforeAll) or to the test that ran last. Running those tests
// again runs the same hooks, so a mutant is still put to tests that reach it. Code run while the
// test file is loaded (module constants) stays static: activating a mutant there needs a fresh load.
// A credit that misses a test can only leave a mutant alive that another test would kill: the score
// may come out low, never high.
'use strict';
const { TestEnvironment } = require('jest-environment-node');

const SLOT = Symbol.for('mutation-test-environment.current-test');

/** Makes Stryker's "no test now" (undefined) keep the last test, and returns where the id is held. */
function keepLastTest(context) {
  if (context[SLOT]) return context[SLOT];
  const slot = { id: context.currentTestId };
  Object.defineProperty(context, 'currentTestId', {
    configurable: true,
    enumerable: true,
    get: () => slot.id,
    set: (id) => {
      if (id !== undefined) slot.id = id;
    },
  });
  Object.defineProperty(context, SLOT, { value: slot });
  return slot;
}

/** The name Stryker gives a test: its describe blocks' names and its own, space-separated. */
function fullName(test) {
  const names = [];
  for (let block = test.parent; block && block.parent; block = block.parent) names.unshift(block.name);
  return [...names, test.name].join(' ').trimStart();
}

function firstTest(block) {
  for (const child of block.children ?? []) {
    if (child.type === 'test') return child;
    const inner = firstTest(child);
    if (inner) return inner;
  }
  return undefined;
}

class MutationTestEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    const context = this.global.__stryker__;
    if (!context) return;
    const slot = keepLastTest(context);
    if (event.name === 'setup') slot.id = undefined;
    else if (event.name === 'run_start') {
      const first = firstTest(state.rootDescribeBlock);
      slot.id = first && fullName(first);
    }
  }
}

module.exports = MutationTestEnvironment;
