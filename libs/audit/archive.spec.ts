import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_1,
  AUDIT_ROWS_PER_PART,
  readArchive,
  streamArchive,
  writeArchive,
  type ArchiveContent,
  type ArchivedHistory,
} from './archive';
import { auditRowHash, GENESIS_HASH } from './audit-chain';
import type { AuditRow } from './types';

const CYCLE = 'cycle-pkri-2024';
const ENTRY = '6f1c2a34-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const ENTRY_WORKFLOW = `entry-${CYCLE}-${ENTRY}`;
const ENTRY_RUN = '0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8a9b';
const ENTRY_HISTORY = `histories/${ENTRY_WORKFLOW}--${ENTRY_RUN}.json`;
const AUDIT_PART = 'audit-log/00001.json';

/** Shaped like historyToJSON output, with text that is not ASCII. */
function historyJson(workflowType: string, events: number): string {
  const list = Array.from({ length: events }, (_, index) => ({
    eventId: String(index + 1),
    eventTime: new Date(Date.UTC(2024, 6, 1, 2, 0, index)).toISOString(),
    eventType: index === 0 ? 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' : 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
    attributes: { note: `${workflowType} — langkah ${index + 1}: “Desa Digital” Banyuwangi` },
  }));
  return JSON.stringify({ events: list }, null, 2);
}

function auditRows(count: number): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const unhashed = {
      seq,
      workflowId: ENTRY_WORKFLOW,
      runId: ENTRY_RUN,
      eventId: seq * 3,
      eventType: 'signal' as const,
      name: 'stageEvent',
      occurredAt: '2024-07-01T02:00:00.000Z',
      actor: null,
      cycleId: CYCLE,
      entryId: ENTRY,
      payload: { stage: `stage-${seq}` },
      recordedAt: '2024-07-01T02:00:01.000Z',
      prevHash: seq === 1 ? GENESIS_HASH : rows[seq - 2].hash,
    };
    rows.push({ ...unhashed, hash: auditRowHash(unhashed) });
  }
  return rows;
}

const content = (): ArchiveContent => ({
  cycleId: CYCLE,
  exportedAt: '2025-02-03T04:05:06.789Z',
  histories: [
    { workflowId: ENTRY_WORKFLOW, runId: ENTRY_RUN, workflowType: 'entryWorkflow', json: historyJson('entry', 40) },
    { workflowId: CYCLE, runId: 'run-of-the-cycle', workflowType: 'cycleWorkflow', json: historyJson('cycle', 60) },
  ],
  auditRows: auditRows(4),
});

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tahap-archive-spec-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const file = (name: string) => join(directory, name);

/** What a person with `tar` does: unpack, change something, pack again (with the package's own defaults). */
async function repack(source: string, target: string, change: (folder: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(directory, 'unpacked-'));
  await tar.x({ file: source, cwd: folder });
  await change(folder);
  const folders = ['histories', 'audit-log'];
  const paths = [...(await readdir(folder)).filter((name) => !folders.includes(name))];
  for (const sub of folders) {
    for (const name of await readdir(join(folder, sub)).catch(() => [])) paths.push(`${sub}/${name}`);
  }
  await tar.c({ gzip: true, file: target, cwd: folder }, paths);
}

describe('writeArchive and readArchive', () => {
  it('round trip: the histories byte for byte, the audit rows, and a manifest whose hash is the one returned', async () => {
    const written = await writeArchive(file('round-trip.tar.gz'), content());
    expect(written.files).toBe(3);
    expect(written.bytes).toBe((await readFile(file('round-trip.tar.gz'))).length);

    const read = await readArchive(file('round-trip.tar.gz'));
    expect(read.problems).toEqual([]);
    expect(read.manifest).toMatchObject({ format: ARCHIVE_FORMAT, cycleId: CYCLE, exportedAt: content().exportedAt });
    expect(read.manifest.files.map((entry) => entry.path)).toEqual([
      'audit-log/00001.json',
      `histories/${CYCLE}--run-of-the-cycle.json`,
      ENTRY_HISTORY,
    ]);
    const byWorkflow = (a: { workflowId: string }, b: { workflowId: string }) => (a.workflowId < b.workflowId ? -1 : 1);
    expect([...read.histories].sort(byWorkflow)).toEqual([...content().histories].sort(byWorkflow));
    expect(read.auditRows).toEqual(content().auditRows);

    const entries: string[] = [];
    await tar.t({ file: file('round-trip.tar.gz'), onReadEntry: (entry) => entries.push(entry.path) });
    // The manifest comes last: an archive cut off before it reads as incomplete.
    expect(entries).toEqual([...read.manifest.files.map((entry) => entry.path), 'manifest.json', 'manifest.sha256']);
    const folder = await mkdtemp(join(directory, 'manifest-'));
    await tar.x({ file: file('round-trip.tar.gz'), cwd: folder });
    const manifest = await readFile(join(folder, 'manifest.json'));
    expect(createHash('sha256').update(manifest).digest('hex')).toBe(written.manifestSha256);
    expect(await readFile(join(folder, 'manifest.sha256'), 'utf8')).toBe(`${written.manifestSha256}\n`);
  });

  it('two exports of the same content with the same exportedAt are byte-identical, whatever the input order', async () => {
    await writeArchive(file('first.tar.gz'), content());
    const reordered = content();
    reordered.histories.reverse();
    await writeArchive(file('second.tar.gz'), reordered);
    expect((await readFile(file('second.tar.gz'))).equals(await readFile(file('first.tar.gz')))).toBe(true);

    await writeArchive(file('later.tar.gz'), { ...content(), exportedAt: '2025-02-04T00:00:00.000Z' });
    expect((await readFile(file('later.tar.gz'))).equals(await readFile(file('first.tar.gz')))).toBe(false);
  });

  it('names the history file in which one byte was changed and the archive repacked', async () => {
    await writeArchive(file('original.tar.gz'), content());
    await repack(file('original.tar.gz'), file('changed-history.tar.gz'), async (folder) => {
      const path = join(folder, ENTRY_HISTORY);
      const data = await readFile(path);
      const at = data.indexOf('Banyuwangi');
      data[at] = 'b'.charCodeAt(0);
      await writeFile(path, data);
    });

    const read = await readArchive(file('changed-history.tar.gz'));
    expect(read.problems).toEqual([`${ENTRY_HISTORY}: SHA-256 does not match the manifest (the file was changed)`]);
    expect(read.histories).toHaveLength(2);
  });

  it('reports one flipped byte of the compressed file as a damaged archive, without throwing', async () => {
    await writeArchive(file('intact.tar.gz'), content());
    const data = await readFile(file('intact.tar.gz'));
    data[Math.floor(data.length / 2)] ^= 0x01;
    await writeFile(file('flipped.tar.gz'), data);

    const read = await readArchive(file('flipped.tar.gz'));
    expect(read.problems).toEqual([expect.stringMatching(/^the archive is damaged and cannot be read \(.+\)/)]);
    expect(read.manifest).toEqual({ format: '', cycleId: '', exportedAt: '', files: [] });
  });

  it('reports a file listed in the manifest but missing, and a file present but not listed', async () => {
    await writeArchive(file('complete.tar.gz'), content());
    await repack(file('complete.tar.gz'), file('missing.tar.gz'), (folder) => rm(join(folder, ENTRY_HISTORY)));
    expect((await readArchive(file('missing.tar.gz'))).problems).toEqual([
      `${ENTRY_HISTORY} is listed in manifest.json but missing from the archive (it was removed after export)`,
    ]);

    await repack(file('complete.tar.gz'), file('extra.tar.gz'), (folder) =>
      writeFile(join(folder, 'histories', 'entry-smuggled--run.json'), '{"events":[]}'),
    );
    expect((await readArchive(file('extra.tar.gz'))).problems).toEqual([
      'histories/entry-smuggled--run.json is in the archive but not listed in manifest.json (it was added after export)',
    ]);
  });

  it('reports a manifest changed to match a changed file, and an unknown format', async () => {
    await writeArchive(file('base.tar.gz'), content());
    await repack(file('base.tar.gz'), file('manifest-changed.tar.gz'), async (folder) => {
      const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
      manifest.cycleId = 'cycle-kipp-2023';
      await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
    });
    expect((await readArchive(file('manifest-changed.tar.gz'))).problems).toEqual([
      expect.stringMatching(/^manifest\.json does not match manifest\.sha256 \(the manifest was changed\)/),
    ]);

    await repack(file('base.tar.gz'), file('future.tar.gz'), async (folder) => {
      const manifest = Buffer.from(JSON.stringify({ format: 'tahap-audit-archive/3', files: [] }));
      await writeFile(join(folder, 'manifest.json'), manifest);
      await writeFile(join(folder, 'manifest.sha256'), `${createHash('sha256').update(manifest).digest('hex')}\n`);
    });
    const future = await readArchive(file('future.tar.gz'));
    expect(future.problems).toEqual([expect.stringMatching(/^unknown format 'tahap-audit-archive\/3'/)]);
    expect(future.manifest).toEqual({ format: 'tahap-audit-archive/3', cycleId: '', exportedAt: '', files: [] });
  });

  it('names audit rows changed inside the archive, even when the manifest was made to match', async () => {
    await writeArchive(file('rows.tar.gz'), content());
    await repack(file('rows.tar.gz'), file('rows-changed.tar.gz'), async (folder) => {
      const rows = JSON.parse(await readFile(join(folder, AUDIT_PART), 'utf8')) as AuditRow[];
      rows[2].payload = { stage: 'stage-9' };
      const data = Buffer.from(JSON.stringify(rows));
      await writeFile(join(folder, AUDIT_PART), data);
      const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
      const entry = manifest.files.find((item: { path: string }) => item.path === AUDIT_PART);
      Object.assign(entry, { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      const manifestData = Buffer.from(JSON.stringify(manifest));
      await writeFile(join(folder, 'manifest.json'), manifestData);
      await writeFile(join(folder, 'manifest.sha256'), createHash('sha256').update(manifestData).digest('hex'));
    });

    const read = await readArchive(file('rows-changed.tar.gz'));
    expect(read.problems).toEqual([
      `${AUDIT_PART}: row 3 was changed after it was written (its content no longer hashes to its hash)`,
    ]);
    expect(read.auditRows).toHaveLength(4);
  });

  it('answers with a problem, not an exception, for a file that is no archive or does not exist', async () => {
    await writeFile(file('notes.txt'), 'not an archive');
    expect((await readArchive(file('notes.txt'))).problems).toEqual([
      expect.stringMatching(/notes\.txt is not a gzip-compressed archive/),
    ]);
    expect((await readArchive(file('absent.tar.gz'))).problems).toEqual([
      expect.stringMatching(/absent\.tar\.gz cannot be opened: ENOENT/),
    ]);
  });

  it('refuses ids that cannot be a file name, and the same history twice', async () => {
    const bad = { ...content(), histories: [{ ...content().histories[0], workflowId: '../escape' }] };
    await expect(writeArchive(file('bad.tar.gz'), bad)).rejects.toThrow(/workflowId '..\/escape' cannot be part/);
    const twice = { ...content(), histories: [content().histories[0], content().histories[0]] };
    await expect(writeArchive(file('twice.tar.gz'), twice)).rejects.toThrow(/is given twice/);
    expect((await readdir(directory)).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('rejects when the archive cannot be written, leaving no partial file behind', async () => {
    await expect(writeArchive(join(directory, 'absent-folder', 'export.tar.gz'), content())).rejects.toThrow(/ENOENT/);
    await writeFile(file('taken.tar.gz'), 'an earlier export');
    await writeArchive(file('taken.tar.gz'), content());
    expect((await readArchive(file('taken.tar.gz'))).problems).toEqual([]);
    expect((await readdir(directory)).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('writes and reads an export of thousands of histories', async () => {
    const histories = Array.from({ length: 2000 }, (_, index) => ({
      workflowId: `entry-${CYCLE}-${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`,
      runId: `run-${index}`,
      workflowType: 'entryWorkflow',
      json: historyJson(`entry ${index}`, 40),
    }));
    const written = await writeArchive(file('large.tar.gz'), { ...content(), histories });
    expect(written.files).toBe(2001);
    const read = await readArchive(file('large.tar.gz'));
    expect(read.problems).toEqual([]);
    expect(read.histories).toHaveLength(2000);
    expect(read.histories[1999].json).toBe(histories[1999].json);
  });

  it('reads an archive of format /1 (manifest first, one audit-log.json)', async () => {
    const folder = await mkdtemp(join(directory, 'format-1-'));
    const files: { path: string; data: Buffer; about?: object }[] = [
      { path: 'audit-log.json', data: Buffer.from(`${JSON.stringify(auditRows(3))}\n`) },
      ...content().histories.map((history) => ({
        path: `histories/${history.workflowId}--${history.runId}.json`,
        data: Buffer.from(history.json),
        about: { workflowId: history.workflowId, runId: history.runId, workflowType: history.workflowType },
      })),
    ];
    const manifest = Buffer.from(
      JSON.stringify({
        format: ARCHIVE_FORMAT_1,
        cycleId: CYCLE,
        exportedAt: content().exportedAt,
        files: files.map(({ path, data, about }) => ({
          path,
          bytes: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          ...about,
        })),
      }),
    );
    await writeFile(join(folder, 'manifest.json'), manifest);
    await writeFile(join(folder, 'manifest.sha256'), `${createHash('sha256').update(manifest).digest('hex')}\n`);
    await mkdir(join(folder, 'histories'));
    for (const { path, data } of files) await writeFile(join(folder, path), data);
    const paths = ['manifest.json', 'manifest.sha256', ...files.map(({ path }) => path)];
    await tar.c({ gzip: true, file: file('format-1.tar.gz'), cwd: folder, portable: true }, paths);

    const read = await readArchive(file('format-1.tar.gz'));
    expect(read.problems).toEqual([]);
    expect(read.manifest.format).toBe(ARCHIVE_FORMAT_1);
    expect(read.histories).toHaveLength(2);
    expect(read.auditRows).toEqual(auditRows(3));
  });

  it('splits the audit log into parts and reads them back as one log, its chain checked across parts', async () => {
    const rows = auditRows(AUDIT_ROWS_PER_PART * 2 + 7);
    const written = await writeArchive(file('parts.tar.gz'), { ...content(), auditRows: rows });
    expect(written.files).toBe(3 + 2);
    const read = await readArchive(file('parts.tar.gz'));
    expect(read.problems).toEqual([]);
    expect(read.manifest.files.slice(0, 3).map((entry) => entry.path)).toEqual([
      'audit-log/00001.json',
      'audit-log/00002.json',
      'audit-log/00003.json',
    ]);
    expect(read.auditRows).toEqual(rows);
  });

  it('streams histories given in order, and refuses one out of order', async () => {
    const [entry, cycle] = content().histories;
    const source = async function* (histories: ArchivedHistory[]) {
      for (const history of histories) yield history;
    };
    const streamed = await streamArchive(createWriteStream(file('streamed.tar.gz')), {
      ...content(),
      histories: source([cycle, entry]),
    });
    const written = await writeArchive(file('written.tar.gz'), content());
    expect(streamed.manifestSha256).toBe(written.manifestSha256);
    expect((await readFile(file('streamed.tar.gz'))).equals(await readFile(file('written.tar.gz')))).toBe(true);

    await expect(
      streamArchive(createWriteStream(file('disorder.tar.gz')), { ...content(), histories: source([entry, cycle]) }),
    ).rejects.toThrow(/histories must come in order/);
  });

  it('reports an archive cut off midway as incomplete: a download that stopped, and an export that failed', async () => {
    const histories = Array.from({ length: 20 }, (_, index) => ({
      workflowId: `entry-${String(index).padStart(4, '0')}`,
      runId: 'run',
      workflowType: 'entryWorkflow',
      json: JSON.stringify({ events: [], noise: randomBytes(30_000).toString('base64') }),
    }));
    await writeArchive(file('whole.tar.gz'), { ...content(), histories });
    const whole = await readFile(file('whole.tar.gz'));
    await writeFile(file('cut.tar.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    const cut = await readArchive(file('cut.tar.gz'));
    expect(cut.problems).toEqual([expect.stringMatching(/^the archive is incomplete: it ends before its end/)]);
    expect(cut.manifest.files).toEqual([]);

    const failing = async function* () {
      for (const [index, history] of histories.entries()) {
        if (index === 12) throw new Error('Temporal is unavailable');
        yield history;
      }
    };
    await expect(
      streamArchive(createWriteStream(file('failed.tar.gz')), { ...content(), histories: failing() }),
    ).rejects.toThrow('Temporal is unavailable');
    const failed = await readArchive(file('failed.tar.gz'));
    expect(failed.problems).toEqual([expect.stringMatching(/^the archive is incomplete/)]);
  });

  it('[scale] an archive holding a file larger than the cap is refused with the cap named', async () => {
    // A gzip bomb: 100 MiB of zeros in some 100 KB, under a header that says so.
    const size = 100 * 1024 ** 2;
    const header = new tar.Header({
      path: 'histories/bomb--run.json',
      type: 'File',
      mode: 0o644,
      size,
      mtime: new Date(0),
    });
    header.encode();
    const zeros = Buffer.alloc(1024 ** 2);
    async function* bomb() {
      yield header.block!;
      for (let written = 0; written < size + 1024; written += zeros.length) yield zeros;
    }
    await pipeline(Readable.from(bomb()), createGzip(), createWriteStream(file('bomb.tar.gz')));
    expect((await readFile(file('bomb.tar.gz'))).length).toBeLessThan(1024 ** 2);

    const before = process.memoryUsage().arrayBuffers;
    const read = await readArchive(file('bomb.tar.gz'));
    expect(read.problems).toEqual([
      'histories/bomb--run.json holds 100 MiB, more than the 64 MiB a file of an archive may hold (maxFileBytes): ' +
        'the archive is refused, unread',
    ]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(size / 2);
    expect(read.histories).toEqual([]);

    await writeArchive(file('small-cap.tar.gz'), content());
    expect((await readArchive(file('small-cap.tar.gz'), { maxFileBytes: 1024 })).problems).toEqual([
      expect.stringMatching(
        /^audit-log\/00001\.json holds \d+ bytes, more than the 1024 bytes a file .* \(maxFileBytes\)/,
      ),
    ]);
  });

  it('[security] an archive from a stranger that unpacks to more than the total cap is refused unread, the cap named', async () => {
    await writeArchive(file('total.tar.gz'), content());
    const read = await readArchive(file('total.tar.gz'), { maxTotalBytes: 4096 });
    expect(read.problems).toEqual([
      'the archive unpacks to more than the 4096 bytes an archive may hold (maxTotalBytes): it is refused, unread',
    ]);
  });
});
