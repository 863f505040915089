const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const DURATIONS = require('./durations.json');

/**
 * The slowest files first, by the seconds each took in a measured run (`durations.json`; a clean clone has no jest
 * cache to learn them from), so that no long file starts late and stretches the run's end; files not measured yet
 * keep jest's order after them. Suites named `*.last.test.ts` run after all others: the audit suite that replays
 * every history the other suites left on the shared Temporal server must see them.
 */
class LastSuitesLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const seconds = (test) => DURATIONS[relative(test.context.config.rootDir, test.path)] ?? 0;
    const byDuration = sorted
      .map((test, index) => ({ test, index }))
      .sort((a, b) => seconds(b.test) - seconds(a.test) || a.index - b.index)
      .map(({ test }) => test);
    const last = (test) => test.path.endsWith('.last.test.ts');
    return [...byDuration.filter((test) => !last(test)), ...byDuration.filter(last)];
  }
}

module.exports = LastSuitesLast;
