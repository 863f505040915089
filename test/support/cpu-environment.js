const { appendFileSync, mkdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

/** Where each test file's CPU seconds go, one JSON line each; the summary reporter reads and clears it. */
const CPU_LOG = join(process.cwd(), '.data', 'test-cpu.jsonl');

/**
 * CPU seconds of a process so far (this one by default), Linux's clock ticks of 100 a second: its own and its
 * children's once they have ended. For this process, its own is the test code, Playwright's driver and the
 * simulated people; its children are the suite's own API and worker, Chromium with its renderers, CLI runs.
 * Undefined once the process is gone.
 */
function cpuSecondsOf(pid = 'self') {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return {
      own: (Number(fields[11]) + Number(fields[12])) / 100,
      children: (Number(fields[13]) + Number(fields[14])) / 100,
    };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds so far of this jest worker's shared API and worker (`Stack.shared()`; the global setup names their
 * process ids by task queue in TAHAP_TEST_SHARED_PAIRS).
 */
function sharedCpuSeconds() {
  const pair = JSON.parse(process.env.TAHAP_TEST_SHARED_PAIRS ?? '{}')[`shared-${process.env.JEST_WORKER_ID ?? '1'}`];
  const pids = pair?.pids ?? [];
  return pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid)?.own ?? 0), 0);
}

/**
 * Node's environment, measuring what each integration file costs in CPU: from before its first hook to after its
 * last, so the processes its `afterAll` stops are counted, and its share of its jest worker's shared API and worker.
 * The run is CPU-bound on a 2-core machine, so these
 * seconds, not wall times, are what a suite takes from the budget. The shared Temporal server and PostgreSQL are
 * not in them.
 */
class CpuMeasuringEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = relative(process.cwd(), context.testPath);
  }

  async setup() {
    await super.setup();
    this.startedAt = { ...cpuSecondsOf(), shared: sharedCpuSeconds() };
  }

  async teardown() {
    const ended = cpuSecondsOf();
    const line = {
      file: this.testPath,
      own: Math.round((ended.own - this.startedAt.own) * 10) / 10,
      children: Math.round((ended.children - this.startedAt.children) * 10) / 10,
      // For a file that used it, the shared pair's CPU while the file ran: its requests and workflows, and those
      // earlier files left running.
      shared: this.global.tahapUsesSharedStack ? Math.round((sharedCpuSeconds() - this.startedAt.shared) * 10) / 10 : 0,
    };
    try {
      mkdirSync(join(process.cwd(), '.data'), { recursive: true });
      appendFileSync(CPU_LOG, `${JSON.stringify(line)}\n`);
    } catch {
      // A measurement lost is no reason to fail a suite.
    }
    await super.teardown();
  }
}

module.exports = CpuMeasuringEnvironment;
module.exports.CPU_LOG = CPU_LOG;
module.exports.cpuSecondsOf = cpuSecondsOf;
