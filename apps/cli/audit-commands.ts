import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { Command, Option } from 'commander';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArchive } from '../../libs/audit/archive';
import { replayHistories, type HistoryToReplay, type ReplayVerdict } from '../../libs/audit/replay';
import type { TimelineLine } from '../../libs/audit/timeline';
import { productionBundle } from '../../libs/audit/workflow-bundle';
import { ApiClient } from './api-client';
import { CliError, EXIT } from './exit-codes';
import { progressBar } from './progress';

const say = (line = '') => process.stdout.write(`${line}\n`);

function apiOf(command: Command): ApiClient {
  const options = command.optsWithGlobals<{ api?: string; token?: string }>();
  return new ApiClient({
    api: options.api ?? process.env.TAHAP_API_URL ?? 'http://127.0.0.1:3000/api',
    token: options.token ?? process.env.TAHAP_TOKEN,
    email: process.env.TAHAP_EMAIL,
    password: process.env.TAHAP_PASSWORD,
  });
}

/** Replay workers log every nondeterminism at WARN; the verdicts below report them once, readably. */
let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
  });
  runtimeInstalled = true;
}

/** Replays with a progress bar; prints each divergence and a summary; exit code 1 when any history diverged. */
async function replayAndReport(histories: HistoryToReplay[], bundlePath: string | undefined): Promise<number> {
  quietRuntime();
  say(`replaying on ${bundlePath ? `the bundle ${bundlePath}` : 'the workflows/ of this installation'}`);
  const bundle = await productionBundle(bundlePath);
  const bar = histories.length > 1 ? progressBar('replay', histories.length) : undefined;
  const diverged: ReplayVerdict[] = [];
  const started = Date.now();
  for await (const verdict of replayHistories(bundle, histories, cpus().length)) {
    if (!verdict.ok) diverged.push(verdict);
    bar?.tick();
  }
  bar?.stop();
  for (const verdict of diverged) say(`DIVERGED ${verdict.workflowId}: ${verdict.message}`);
  const seconds = (Date.now() - started) / 1000;
  say(
    `${histories.length} replayed, ${histories.length - diverged.length} OK, ${diverged.length} diverged ` +
      `(${seconds.toFixed(1)} s)`,
  );
  return diverged.length ? EXIT.failed : EXIT.ok;
}

/**
 * Reads and verifies an archive; prints every problem. Exit code 2 when there is no such file, 1 when it does not
 * verify, including a manifest whose SHA-256 is not the one published with the archive.
 */
async function verifiedArchive(file: string, expectedManifestSha256?: string) {
  if (!(await stat(file).catch(() => null))?.isFile()) throw new CliError(`No archive at ${file}.`, EXIT.usage);
  const archive = await readArchive(file);
  if (expectedManifestSha256 && archive.manifestSha256 !== expectedManifestSha256.toLowerCase()) {
    archive.problems.push(
      `the manifest hashes to ${archive.manifestSha256 ?? 'nothing'}, not to the published ${expectedManifestSha256}`,
    );
  }
  if (archive.problems.length) {
    for (const problem of archive.problems) say(`PROBLEM ${problem}`);
    throw new CliError(`${file} does not verify: ${archive.problems.length} problem(s).`, EXIT.failed);
  }
  return archive;
}

function fromArchive(archive: Awaited<ReturnType<typeof readArchive>>): HistoryToReplay[] {
  return archive.histories.map(({ workflowId, json }) => {
    try {
      return { workflowId, history: historyFromJSON(JSON.parse(json)) };
    } catch (error) {
      throw new CliError(`The history of ${workflowId} cannot be read: ${(error as Error).message}`, EXIT.failed);
    }
  });
}

export function auditCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
  const audit = new Command('audit')
    .description('Find, read, replay and verify workflow histories and the audit log')
    .exitOverride();

  audit
    .command('find')
    .description('Find workflows by cycle, agency, stage and status')
    .option('--cycle <cycleId>', 'cycle id, e.g. cycle-PKRI-2024')
    .option('--agency <agencyCode>', 'agency code, e.g. kab-banyuwangi')
    .option('--stage <stageKey>', 'the stage the workflow is in or ended in')
    .addOption(new Option('--entry-status <status>').choices(['active', 'completed', 'withdrawn', 'eliminated']))
    .addOption(
      new Option('--status <executionStatus>').choices([
        'Running',
        'Completed',
        'Failed',
        'Canceled',
        'Terminated',
        'TimedOut',
      ]),
    )
    .addOption(
      new Option('--type <workflowType>').choices([
        'cycleWorkflow',
        'entryWorkflow',
        'yearlyCycleWorkflow',
        'deliveryWorkflow',
      ]),
    )
    .option('--limit <n>', 'at most this many (1–1000)', '100')
    .option('--json', 'print JSON instead of a table')
    .action(function (this: Command) {
      return run(async () => {
        const options = this.opts<Record<string, string | boolean | undefined>>();
        const query = new URLSearchParams();
        const put = (name: string, value: unknown) => {
          if (typeof value === 'string') query.set(name, value);
        };
        put('cycleId', options.cycle);
        put('agencyCode', options.agency);
        put('stage', options.stage);
        put('entryStatus', options.entryStatus);
        put('executionStatus', options.status);
        put('type', options.type);
        put('limit', options.limit);
        const found = await apiOf(this).json<{ items: Record<string, unknown>[] }>('GET', `/audit/workflows?${query}`);
        if (options.json) say(JSON.stringify(found.items, null, 2));
        else {
          for (const item of found.items) {
            say(
              [item.workflowId, item.type, item.executionStatus, item.stage ?? '-', item.entryStatus ?? '-'].join('\t'),
            );
          }
          say(`${found.items.length} workflow(s)`);
        }
        return EXIT.ok;
      });
    });

  audit
    .command('show <workflowId>')
    .description('A workflow history as a timeline (Indonesian by default), or raw')
    .addOption(new Option('--lang <language>', 'id or en').choices(['id', 'en']).default('id'))
    .option('--raw', 'the raw history JSON (historyToJSON), e.g. to keep or to replay elsewhere')
    .option('--run <runId>', 'a run other than the latest')
    .action(function (this: Command, workflowId: string) {
      return run(async () => {
        const options = this.opts<{ lang: string; raw?: boolean; run?: string }>();
        const run = options.run ? `&runId=${encodeURIComponent(options.run)}` : '';
        const path = `/audit/workflows/${encodeURIComponent(workflowId)}`;
        if (options.raw) {
          say(await apiOf(this).text(`${path}/history?${run.slice(1)}`));
          return EXIT.ok;
        }
        const shown = await apiOf(this).json<{
          lines: TimelineLine[];
        }>('GET', `${path}/timeline?lang=${options.lang}${run}`);
        for (const line of shown.lines) {
          const who = line.actor ? ` [${line.actor}]` : '';
          const why = line.reason ? ` — ${line.reason}` : '';
          say(`#${line.eventId}\t${line.local} (${line.at})${who}\t${line.text}${why}`);
        }
        return EXIT.ok;
      });
    });

  audit
    .command('state <entryId>')
    .description("An entry's record as it stood after an event of its history, or at an instant")
    .option('--event <eventId>', 'the event id')
    .option('--at <instant>', 'an instant such as 2024-07-12T02:00:00Z')
    .action(function (this: Command, entryId: string) {
      return run(async () => {
        const options = this.opts<{ event?: string; at?: string }>();
        if (!options.event === !options.at) throw new CliError('Give exactly one of --event or --at.', EXIT.usage);
        const query = options.event
          ? `eventId=${encodeURIComponent(options.event)}`
          : `at=${encodeURIComponent(options.at!)}`;
        say(
          JSON.stringify(
            await apiOf(this).json('GET', `/audit/entries/${encodeURIComponent(entryId)}/state?${query}`),
            null,
            2,
          ),
        );
        return EXIT.ok;
      });
    });

  audit
    .command('replay [workflowId]')
    .description('Replay histories on the current workflow code: one workflow, a whole cycle, or an archive')
    .option('--cycle <cycleId>', 'every history of the cycle (fetched as an export archive, verified, then replayed)')
    .option('--archive <file>', 'every history of an exported archive; needs no API and no Temporal server')
    .option('--bundle <file>', 'a workflow bundle to replay against instead of this checkout’s workflows/')
    .action(function (this: Command, workflowId: string | undefined) {
      return run(async () => {
        const options = this.opts<{ cycle?: string; archive?: string; bundle?: string }>();
        if ([workflowId, options.cycle, options.archive].filter(Boolean).length !== 1) {
          throw new CliError('Give exactly one of a workflow id, --cycle or --archive.', EXIT.usage);
        }
        if (options.archive)
          return replayAndReport(fromArchive(await verifiedArchive(options.archive)), options.bundle);
        if (options.cycle) {
          const directory = await mkdtemp(join(tmpdir(), 'tahap-replay-'));
          try {
            const file = join(directory, 'archive.tar.gz');
            await apiOf(this).download(`/audit/cycles/${encodeURIComponent(options.cycle)}/export`, file);
            return await replayAndReport(fromArchive(await verifiedArchive(file)), options.bundle);
          } finally {
            await rm(directory, { recursive: true, force: true });
          }
        }
        const json = await apiOf(this).text(`/audit/workflows/${encodeURIComponent(workflowId!)}/history`);
        return replayAndReport(
          [{ workflowId: workflowId!, history: historyFromJSON(JSON.parse(json)) }],
          options.bundle,
        );
      });
    });

  audit
    .command('export')
    .description('Every history of a cycle and its audit rows as one archive with a SHA-256 manifest')
    .requiredOption('--cycle <cycleId>', 'the cycle')
    .requiredOption('--out <file>', 'where to write the archive (.tar.gz)')
    .action(function (this: Command) {
      return run(async () => {
        const options = this.opts<{ cycle: string; out: string }>();
        await apiOf(this).download(`/audit/cycles/${encodeURIComponent(options.cycle)}/export`, options.out);
        const archive = await verifiedArchive(options.out);
        say(
          `${options.out}: ${archive.histories.length} histories, ${archive.auditRows?.length ?? 0} audit rows, verified`,
        );
        // Published apart from the archive (minutes, a register), it lets `import --manifest-sha256` prove a copy.
        say(`manifest SHA-256: ${archive.manifestSha256}`);
        return EXIT.ok;
      });
    });

  audit
    .command('import <file>')
    .description('Verify an exported archive (manifest and every SHA-256); with --replay, replay it without a server')
    .option('--replay', 'replay every history in the archive on the current workflow code')
    .option('--manifest-sha256 <hex>', 'the manifest SHA-256 published when the archive was exported')
    .option('--bundle <file>', 'a workflow bundle to replay against instead of this checkout’s workflows/')
    .action(function (this: Command, file: string) {
      return run(async () => {
        const options = this.opts<{ replay?: boolean; bundle?: string; manifestSha256?: string }>();
        const archive = await verifiedArchive(file, options.manifestSha256);
        say(
          `${file}: ${archive.manifest.cycleId}, exported ${archive.manifest.exportedAt}, ` +
            `${archive.histories.length} histories, ${archive.auditRows?.length ?? 0} audit rows: verified`,
        );
        return options.replay ? replayAndReport(fromArchive(archive), options.bundle) : EXIT.ok;
      });
    });

  audit
    .command('verify-log')
    .description('Recompute the audit log’s hash chain; with --cycle, also cross-check it against the histories')
    .option('--cycle <cycleId>', 'cross-check this cycle’s rows against its workflow histories')
    .action(function (this: Command) {
      return run(async () => {
        const options = this.opts<{ cycle?: string }>();
        const api = apiOf(this);
        const chain = await api.json<{ checked: number; firstBroken: { seq: number; reason: string } | null }>(
          'GET',
          '/audit/log/verify',
        );
        let exitCode: number = EXIT.ok;
        if (chain.firstBroken) {
          say(`BROKEN at row ${chain.firstBroken.seq}: ${chain.firstBroken.reason}`);
          exitCode = EXIT.failed;
        } else say(`audit log: ${chain.checked} rows, chain intact`);
        if (options.cycle) {
          const check = await api.json<{
            workflows: number;
            consistent: boolean;
            pending: number;
            problems: unknown[];
          }>('GET', `/audit/cycles/${encodeURIComponent(options.cycle)}/cross-check`);
          for (const problem of check.problems) say(`MISMATCH ${JSON.stringify(problem)}`);
          say(
            `${options.cycle}: ${check.workflows} workflows cross-checked, ${check.problems.length} with problems, ` +
              `${check.pending} decision(s) not yet sealed`,
          );
          if (!check.consistent) exitCode = EXIT.failed;
        }
        return exitCode;
      });
    });

  return audit;
}
