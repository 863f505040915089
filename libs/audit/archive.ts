import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Header, Pack, Parser, ReadEntry, type WriteEntry } from 'tar';
import { auditRowHash } from './audit-chain';
import type { AuditRow } from './types';

/**
 * An export of a cycle for an auditor: a gzip-compressed tar holding
 *   manifest.json      format, cycle, export instant, and every other file with its size and SHA-256, by path
 *   manifest.sha256    the manifest's own SHA-256 (hex and a newline), to publish or sign apart from the archive
 *   histories/<workflowId>--<runId>.json   each workflow's Temporal history JSON, byte for byte as given
 *   audit-log.json     (optional) the cycle's audit rows
 * Entries are written in that order (files by path, byte order), with a fixed mode and owner and the export
 * instant as their time, so the same content exported with the same exportedAt gives the same bytes anywhere.
 */
export const ARCHIVE_FORMAT = 'tahap-audit-archive/1';

const MANIFEST = 'manifest.json';
const MANIFEST_SHA256 = 'manifest.sha256';
const AUDIT_LOG = 'audit-log.json';
const HISTORIES = 'histories/';
/** More rows than this that fail their hash are summarised: one name is enough to act on, thousands are noise. */
const MAX_ROW_PROBLEMS = 20;

export interface ArchiveFile {
  path: string;
  bytes: number;
  sha256: string;
  workflowId?: string;
  runId?: string;
  workflowType?: string;
}

export interface ArchiveManifest {
  format: string;
  cycleId: string;
  exportedAt: string;
  files: ArchiveFile[];
}

export interface ArchivedHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** The history JSON (historyToJSON), exactly as exported. */
  json: string;
}

export interface ArchiveContent {
  cycleId: string;
  /** ISO 8601; also the time of every entry in the tar. */
  exportedAt: string;
  histories: ArchivedHistory[];
  auditRows?: AuditRow[];
}

export interface ArchiveReading {
  /**
   * The manifest as read. When there is none to use (see problems) it lists no files, and its format is '' or,
   * for an archive of another format, that format.
   */
  manifest: ArchiveManifest;
  /**
   * The manifest's SHA-256 as computed from the archive (null when there is none). `manifest.sha256` travels inside
   * the archive it protects; compare this value with the one published when the archive was exported.
   */
  manifestSha256: string | null;
  histories: ArchivedHistory[];
  auditRows: AuditRow[] | null;
  /** Empty when the archive is intact; otherwise what is wrong, in words a person can act on. */
  problems: string[];
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Writes the archive to `target` (through a temporary file beside it, renamed at the end, so a failed export
 * never leaves a partial archive under the target's name).
 */
export async function writeArchive(
  target: string,
  content: ArchiveContent,
): Promise<{ manifestSha256: string; files: number; bytes: number }> {
  const exportedAt = Date.parse(content.exportedAt);
  if (Number.isNaN(exportedAt)) throw new Error(`exportedAt '${content.exportedAt}' is not an instant`);
  if (!content.cycleId) throw new Error('cycleId is empty');

  const files: { entry: ArchiveFile; data: Buffer }[] = [];
  const seen = new Set<string>();
  for (const history of content.histories) {
    const path = historyPath(history);
    if (seen.has(path))
      throw new Error(`${path}: the history of ${history.workflowId} run ${history.runId} is given twice`);
    seen.add(path);
    const data = Buffer.from(history.json, 'utf8');
    const { workflowId, runId, workflowType } = history;
    files.push({ entry: { path, bytes: data.length, sha256: sha256(data), workflowId, runId, workflowType }, data });
  }
  if (content.auditRows) {
    // One row a line: readable with any pager, and still one JSON array.
    const lines = content.auditRows.map((row) => JSON.stringify(row));
    const data = Buffer.from(lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n', 'utf8');
    files.push({ entry: { path: AUDIT_LOG, bytes: data.length, sha256: sha256(data) }, data });
  }
  files.sort((a, b) => byteOrder(a.entry.path, b.entry.path));

  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    cycleId: content.cycleId,
    exportedAt: content.exportedAt,
    files: files.map(({ entry }) => entry),
  };
  const manifestData = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const manifestSha256 = sha256(manifestData);
  const entries: [string, Buffer][] = [
    [MANIFEST, manifestData],
    [MANIFEST_SHA256, Buffer.from(`${manifestSha256}\n`, 'utf8')],
    ...files.map(({ entry, data }): [string, Buffer] => [entry.path, data]),
  ];

  // Tar keeps whole seconds; the same exportedAt always gives the same header.
  const mtime = new Date(Math.floor(exportedAt / 1000) * 1000);
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  let writing: WriteEntry | undefined;
  const pack = new Pack({ gzip: true, portable: true, mtime, onWriteEntry: (entry) => (writing = entry) });
  const written = pipeline(pack, createWriteStream(partial, { flags: 'wx' }));
  // Awaited below; this only keeps a failure that arrives while nothing awaits it from counting as unhandled.
  written.catch(() => undefined);
  try {
    for (const [path, data] of entries) {
      const entry = new ReadEntry(new Header({ path, type: 'File', mode: 0o644, size: data.length, mtime }));
      entry.end(data);
      pack.write(entry);
      // tar 7.5 moves a queued in-memory entry into the archive only while fewer than `jobs` (4) are queued, so
      // thousands queued at once stall it: hand over one entry at a time. A failed write ends the wait.
      const current = writing!;
      if (!current.emittedEnd) await Promise.race([once(current, 'end'), written]);
    }
    pack.end();
    await written;
    await rename(partial, target);
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  return { manifestSha256, files: files.length, bytes: (await stat(target)).size };
}

function historyPath({ workflowId, runId }: { workflowId: string; runId: string }): string {
  for (const [what, id] of [
    ['workflowId', workflowId],
    ['runId', runId],
  ]) {
    // The ids become a file name: nothing that would leave histories/ or confuse a file system.
    if (!id || id === '.' || id === '..' || /[/\\]|\p{Cc}/u.test(id)) {
      throw new Error(`${what} '${id}' cannot be part of a file name in the archive`);
    }
  }
  return `${HISTORIES}${workflowId}--${runId}.json`;
}

/**
 * Reads an archive and checks it against its manifest. It does not throw on a damaged or foreign archive: what is
 * wrong comes back in `problems`, together with whatever could still be read.
 */
export async function readArchive(path: string): Promise<ArchiveReading> {
  const reading: ArchiveReading = {
    manifest: { format: '', cycleId: '', exportedAt: '', files: [] },
    manifestSha256: null,
    histories: [],
    auditRows: null,
    problems: [],
  };
  const problem = (text: string) => reading.problems.push(text);

  const opened = await isGzip(path);
  if (opened !== true) {
    problem(opened);
    return reading;
  }
  const compressed = await gzipIntact(path);
  const unpacked = compressed === true ? await unpack(path) : { files: new Map(), problems: [], failure: compressed };
  if (unpacked.failure) {
    problem(
      `the archive is damaged and cannot be read (${unpacked.failure}); ` +
        `export it again, or fetch a copy whose SHA-256 matches the one published with it`,
    );
    return reading;
  }
  const { files } = unpacked;
  for (const text of unpacked.problems) problem(text);

  const manifestData = files.get(MANIFEST);
  if (!manifestData) {
    problem(`${MANIFEST} is missing: this is not a Tahap audit archive, or it was repacked without its manifest`);
    return reading;
  }
  const recordedSha256 = files.get(MANIFEST_SHA256)?.toString('utf8').trim();
  const actualSha256 = sha256(manifestData);
  reading.manifestSha256 = actualSha256;
  if (recordedSha256 === undefined) {
    problem(
      `${MANIFEST_SHA256} is missing: the manifest cannot be checked; compare ${actualSha256} with the published value`,
    );
  } else if (recordedSha256 !== actualSha256) {
    problem(
      `${MANIFEST} does not match ${MANIFEST_SHA256} (the manifest was changed): it hashes to ${actualSha256}, ` +
        `${MANIFEST_SHA256} says ${recordedSha256}`,
    );
  }

  let manifest: ArchiveManifest;
  try {
    manifest = parseManifest(manifestData);
  } catch (error) {
    problem(`${MANIFEST} cannot be understood: ${(error as Error).message}`);
    return reading;
  }
  if (manifest.format !== ARCHIVE_FORMAT) {
    reading.manifest.format = manifest.format;
    problem(
      `unknown format '${manifest.format}': this version of Tahap reads ${ARCHIVE_FORMAT}; ` +
        `read the archive with the Tahap version that wrote it`,
    );
    return reading;
  }
  reading.manifest = manifest;

  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) problem(`${file.path} is listed twice in ${MANIFEST}`);
    listed.add(file.path);
    const data = files.get(file.path);
    if (!data) {
      problem(`${file.path} is listed in ${MANIFEST} but missing from the archive (it was removed after export)`);
      continue;
    }
    if (sha256(data) !== file.sha256) {
      const sizes = data.length === file.bytes ? '' : `; it has ${data.length} bytes, the manifest says ${file.bytes}`;
      problem(`${file.path}: SHA-256 does not match the manifest (the file was changed${sizes})`);
    }
    if (file.path.startsWith(HISTORIES) && file.workflowId !== undefined && file.runId !== undefined) {
      const { workflowId, runId, workflowType = '' } = file;
      reading.histories.push({ workflowId, runId, workflowType, json: data.toString('utf8') });
    } else if (file.path === AUDIT_LOG) {
      reading.auditRows = checkAuditRows(data, problem);
    }
  }
  for (const path of files.keys()) {
    if (path !== MANIFEST && path !== MANIFEST_SHA256 && !listed.has(path)) {
      problem(`${path} is in the archive but not listed in ${MANIFEST} (it was added after export)`);
    }
  }
  return reading;
}

/** True, or why the file is no gzip stream at all. */
async function isGzip(path: string): Promise<true | string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
      if (bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return true;
      return `${path} is not a gzip-compressed archive (an archive starts with the bytes 1f 8b); it is not a Tahap export, or it was saved as text`;
    } finally {
      await handle.close();
    }
  } catch (error) {
    return `${path} cannot be opened: ${(error as Error).message}`;
  }
}

/**
 * Whether the whole gzip stream decompresses and its checksum (CRC-32 of every byte it holds) matches. The tar reader
 * stops at the archive's end marker, so a change after it, or one it reads past, would otherwise go unseen.
 */
async function gzipIntact(path: string): Promise<true | string> {
  try {
    await pipeline(
      createReadStream(path),
      createGunzip(),
      new Writable({
        write(_chunk, _encoding, done) {
          done();
        },
      }),
    );
    return true;
  } catch (error) {
    return `gzip: ${(error as Error).message}`;
  }
}

interface Unpacked {
  files: Map<string, Buffer>;
  problems: string[];
  failure: string | null;
}

/** Every regular file of the archive, in memory (an export of thousands of histories is some hundred MB). */
function unpack(path: string): Promise<Unpacked> {
  return new Promise((resolve) => {
    const result: Unpacked = { files: new Map(), problems: [], failure: null };
    let settled = false;
    const settle = (failure: string | null) => {
      if (settled) return;
      settled = true;
      result.failure = failure;
      resolve(result);
    };
    const parser = new Parser({
      onwarn: (code, message) => {
        // Non-strict tar reports a broken archive as a warning and reads on; nothing after it can be trusted.
        if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT') settle(`${code}: ${message}`);
        else result.problems.push(`the archive has a broken entry (${code}: ${message})`);
      },
      onReadEntry: (entry) => {
        if (entry.type === 'Directory') {
          entry.resume();
          return;
        }
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          result.problems.push(`${entry.path} is a ${entry.type}, not a file: an export holds only files`);
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => {
          if (result.files.has(entry.path)) result.problems.push(`${entry.path} appears twice in the archive`);
          result.files.set(entry.path, Buffer.concat(chunks));
        });
      },
    });
    parser.on('error', (error: Error) => settle(error.message));
    parser.on('close', () => settle(null));
    const input = createReadStream(path);
    input.on('error', (error) => settle(error.message));
    input.pipe(parser);
  });
}

function parseManifest(data: Buffer): ArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch (error) {
    throw new Error(`it is not JSON (${(error as Error).message})`, { cause: error });
  }
  const manifest = value as Partial<ArchiveManifest> | null;
  if (!manifest || typeof manifest !== 'object' || typeof manifest.format !== 'string') {
    throw new Error('it names no format');
  }
  if (manifest.format !== ARCHIVE_FORMAT) return manifest as ArchiveManifest;
  if (!Array.isArray(manifest.files)) throw new Error('it has no list of files');
  manifest.files.forEach((file, index) => {
    const entry = file as Partial<ArchiveFile> | null;
    if (
      !entry ||
      typeof entry.path !== 'string' ||
      typeof entry.sha256 !== 'string' ||
      typeof entry.bytes !== 'number'
    ) {
      throw new Error(`files[${index}] lacks its path, bytes or sha256`);
    }
  });
  return manifest as ArchiveManifest;
}

/**
 * The rows of an export are a selection of the log (one cycle's), so links between them are checked only where
 * two rows follow each other; every row's own hash is checked.
 */
function checkAuditRows(data: Buffer, problem: (text: string) => void): AuditRow[] | null {
  let rows: unknown;
  try {
    rows = JSON.parse(data.toString('utf8'));
  } catch (error) {
    problem(`${AUDIT_LOG} is not JSON (${(error as Error).message})`);
    return null;
  }
  if (!Array.isArray(rows)) {
    problem(`${AUDIT_LOG} is not a list of audit rows`);
    return null;
  }
  const broken: string[] = [];
  let previous: AuditRow | null = null;
  for (const row of rows as AuditRow[]) {
    if (!row || typeof row !== 'object' || typeof row.seq !== 'number' || typeof row.hash !== 'string') {
      broken.push(`an entry of ${AUDIT_LOG} is not an audit row`);
    } else if (auditRowHash(row) !== row.hash) {
      broken.push(
        `${AUDIT_LOG}: row ${row.seq} was changed after it was written (its content no longer hashes to its hash)`,
      );
    } else if (previous && previous.seq + 1 === row.seq && row.prevHash !== previous.hash) {
      broken.push(`${AUDIT_LOG}: row ${row.seq} does not follow row ${previous.seq} (prevHash differs from its hash)`);
    }
    previous = row && typeof row === 'object' ? row : null;
  }
  for (const text of broken.slice(0, MAX_ROW_PROBLEMS)) problem(text);
  if (broken.length > MAX_ROW_PROBLEMS)
    problem(`${AUDIT_LOG}: ${broken.length - MAX_ROW_PROBLEMS} more rows are broken`);
  return rows as AuditRow[];
}
