const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { CPU_LOG } = require('./cpu-environment');

// Ends the run with its budget in view: the ten slowest test files, the ten that cost the most CPU (the run is
// CPU-bound: a file's CPU, not its wall time, is its share of the budget), the passed tests per issue tag ("[desk]"),
// the run's wall time, and one plain line, "N passed, N failed", that any CI log reader understands. Every file's
// seconds go to .data/test-durations.json; copied to test/support/durations.json, they order the next runs.
const cpuOf = (cost) => cost.own + cost.children + cost.shared;

class SummaryReporter {
  onRunStart() {
    this.startedAt = Date.now();
    rmSync(CPU_LOG, { force: true });
  }

  onRunComplete(_contexts, results) {
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(9);
    const all = results.testResults
      .map((file) => ({ path: file.testFilePath, ms: file.perfStats.end - file.perfStats.start }))
      .sort((a, b) => b.ms - a.ms);
    const durations = Object.fromEntries(
      all.map((file) => [relative(process.cwd(), file.path), Math.round(file.ms / 1000)]),
    );
    mkdirSync(join(process.cwd(), '.data'), { recursive: true });
    writeFileSync(join(process.cwd(), '.data', 'test-durations.json'), `${JSON.stringify(durations, null, 2)}\n`);
    const files = all.slice(0, 10);
    console.log('\nslowest test files:');
    for (const file of files) console.log(`${seconds(file.ms)}  ${file.path.replace(`${process.cwd()}/`, '')}`);
    const costs = existsSync(CPU_LOG)
      ? readFileSync(CPU_LOG, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
          .map((cost) => ({ shared: 0, ...cost }))
          .sort((a, b) => cpuOf(b) - cpuOf(a))
      : [];
    if (costs.length > 0) {
      console.log('\nmost CPU (the file itself + the processes it started, which ended + its shared API and worker):');
      for (const cost of costs.slice(0, 10)) {
        const parts = [cost.own, cost.children, cost.shared].map((part) => part.toFixed(1)).join(' + ');
        console.log(`${seconds(cpuOf(cost) * 1000)}  ${cost.file} (${parts})`);
      }
      const sum = costs.reduce((all, cost) => all + cpuOf(cost), 0);
      console.log(
        `${seconds(sum * 1000)}  all ${costs.length} integration files (not the shared Temporal and PostgreSQL)`,
      );
    }
    const tags = new Map();
    for (const file of results.testResults)
      for (const test of file.testResults)
        if (test.status === 'passed')
          for (const tag of new Set(test.fullName.match(/\[[a-z-]+\]/g) ?? [])) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    const counted = [...tags].sort(([a], [b]) => a.localeCompare(b)).map(([tag, count]) => `${tag} ${count}`);
    console.log(`passed per tag: ${counted.join(', ')}`);
    console.log(`wall time: ${seconds(Date.now() - this.startedAt).trim()}`);
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    console.log(`${skipped ? `${line}, ${skipped} skipped` : line}`);
  }
}
module.exports = SummaryReporter;
