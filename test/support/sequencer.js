const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest's usual order (failed first, then slowest), except that suites named `*.last.test.ts` run after all others:
 * the audit suite that replays every history the other suites left on the shared Temporal server must see them.
 */
class LastSuitesLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const last = (test) => test.path.endsWith('.last.test.ts');
    return [...sorted.filter((test) => !last(test)), ...sorted.filter(last)];
  }
}

module.exports = LastSuitesLast;
