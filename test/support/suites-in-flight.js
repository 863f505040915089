const { writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Keeps `<scratch>/suites-in-flight.json` up to date with the test files jest has handed to a worker and not yet
 * finished. Jest dispatches files in the sequencer's order and tells reporters of each before a worker runs it, so
 * when a `*.last.test.ts` suite starts, every other suite of the run is listed here or already done; the last suite
 * waits until the list holds only itself (see `waitForOtherSuites`).
 */
class SuitesInFlight {
  constructor() {
    this.running = new Set();
  }

  onTestFileStart(test) {
    this.running.add(test.path);
    this.write();
  }

  onTestFileResult(test) {
    this.running.delete(test.path);
    this.write();
  }

  write() {
    const scratch = process.env.TAHAP_TEST_SCRATCH;
    if (!scratch) return; // only the unit project ran: no global setup, no last suite
    const file = join(scratch, 'suites-in-flight.json');
    writeFileSync(`${file}.tmp`, JSON.stringify([...this.running]));
    renameSync(`${file}.tmp`, file);
  }
}
module.exports = SuitesInFlight;
