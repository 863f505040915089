// Ends the run with its budget in view: the ten slowest test files, the passed tests per issue tag ("[desk]"), the
// run's wall time, and one plain line, "N passed, N failed", that any CI log reader understands.
class SummaryReporter {
  onRunStart() {
    this.startedAt = Date.now();
  }

  onRunComplete(_contexts, results) {
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(9);
    const files = results.testResults
      .map((file) => ({ path: file.testFilePath, ms: file.perfStats.end - file.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    console.log('\nslowest test files:');
    for (const file of files) console.log(`${seconds(file.ms)}  ${file.path.replace(`${process.cwd()}/`, '')}`);
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
