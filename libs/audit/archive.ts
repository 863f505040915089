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
 * An export of a cycle for an auditor: a gzip-compressed tar. Format `tahap-audit-archive/2` (written today) holds,
 * in this order:
 *   audit-log/<nnnnn>.json (optional) the cycle's audit rows by seq, AUDIT_ROWS_PER_PART to a part, numbered from
 *                          00001; each part a JSON array, one row a line
 *   histories/<workflowId>--<runId>.json   each workflow's Temporal history JSON, byte for byte as given, in byte
 *                          order of workflow id, then run id
 *   manifest.json          format, cycle, export instant, and every file above with its size and SHA-256, in
 *                          archive order
 *   manifest.sha256        the manifest's own SHA-256 (hex and a newline), to publish or sign apart from the archive
 * The manifest comes last so that an archive can be written as its files arrive, holding one at a time: an export
 * cut off midway has no manifest, and reads as incomplete. Format `tahap-audit-archive/1` (still read) had
 * manifest.json and manifest.sha256 first, then `audit-log.json` and the histories in path order.
 * Entries have a fixed mode and owner and the export instant as their time, so the same content exported with the
 * same exportedAt gives the same bytes anywhere.
 */
export const ARCHIVE_FORMAT = 'tahap-audit-archive/2';
/** The first format, read still: manifest first, one audit-log.json. */
export const ARCHIVE_FORMAT_1 = 'tahap-audit-archive/1';
const READABLE_FORMATS = [ARCHIVE_FORMAT, ARCHIVE_FORMAT_1];

/** Parts of some MB each: a national cycle's log stays far below the per-file cap when read. */
export const AUDIT_ROWS_PER_PART = 5000;

/**
 * What reading an archive accepts before refusing it: it holds every file in memory, so a hostile archive (a few
 * KB of gzip unpacking to GB of zeros) must be stopped at the cap, not after. A history of a long-running entry is
 * some hundred KB and an audit-log part some MB; a national cycle some hundred MB in all.
 */
export interface ArchiveLimits {
  /** The largest file (its uncompressed size). */
  maxFileBytes: number;
  /** The whole tar once uncompressed, headers included. */
  maxTotalBytes: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = { maxFileBytes: 64 * 1024 ** 2, maxTotalBytes: 4 * 1024 ** 3 };

const MANIFEST = 'manifest.json';
const MANIFEST_SHA256 = 'manifest.sha256';
const AUDIT_LOG_1 = 'audit-log.json';
const AUDIT_LOG_PARTS = 'audit-log/';
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

/** An archive's content as it arrives, for streamArchive. */
export interface ArchiveSource {
  cycleId: string;
  /** ISO 8601; also the time of every entry in the tar. */
  exportedAt: string;
  /** In seq order; read as the archive needs them. */
  auditRows?: Iterable<AuditRow> | AsyncIterable<AuditRow>;
  /** In byte order of workflow id, then run id (see historyOrder); fetched as the archive needs them. */
  histories: Iterable<ArchivedHistory> | AsyncIterable<ArchivedHistory>;
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

/** The order of histories in an archive: by workflow id, then run id, comparing bytes. */
export function historyOrder(a: { workflowId: string; runId: string }, b: { workflowId: string; runId: string }) {
  return byteOrder(a.workflowId, b.workflowId) || byteOrder(a.runId, b.runId);
}

/**
 * Writes the archive to `target` (through a temporary file beside it, renamed at the end, so a failed export
 * never leaves a partial archive under the target's name). The histories may come in any order.
 */
export async function writeArchive(
  target: string,
  content: ArchiveContent,
): Promise<{ manifestSha256: string; files: number; bytes: number }> {
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  const file = createWriteStream(partial, { flags: 'wx' });
  try {
    const written = await streamArchive(file, { ...content, histories: [...content.histories].sort(historyOrder) });
    await rename(partial, target);
    return { ...written, bytes: (await stat(target)).size };
  } catch (error) {
    // A stream destroyed before it opened its file still creates it, then closes.
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Writes the archive to `output` as its files arrive, holding one file at a time (and the manifest's list, a few
 * hundred bytes a file). On failure `output` is destroyed with the error, before any manifest: what it received
 * reads as an incomplete archive.
 */
export async function streamArchive(
  output: Writable,
  source: ArchiveSource,
): Promise<{ manifestSha256: string; files: number }> {
  const files: ArchiveFile[] = [];
  let tar: TarWriter | undefined;
  try {
    tar = new TarWriter(output, entryTime(source));
    const add = async (path: string, data: Buffer, about: Omit<ArchiveFile, 'path' | 'bytes' | 'sha256'> = {}) => {
      files.push({ path, bytes: data.length, sha256: sha256(data), ...about });
      await tar!.add(path, data);
    };
    if (source.auditRows) {
      for await (const part of auditLogParts(source.auditRows)) await add(part.path, part.data);
    }
    for await (const history of inHistoryOrder(source.histories)) {
      const { workflowId, runId, workflowType } = history;
      await add(historyPath(history), Buffer.from(history.json, 'utf8'), { workflowId, runId, workflowType });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      cycleId: source.cycleId,
      exportedAt: source.exportedAt,
      files,
    };
    const manifestData = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const manifestSha256 = sha256(manifestData);
    await tar.add(MANIFEST, manifestData);
    await tar.add(MANIFEST_SHA256, Buffer.from(`${manifestSha256}\n`, 'utf8'));
    await tar.end();
    return { manifestSha256, files: files.length };
  } catch (error) {
    output.destroy(error as Error);
    await tar?.abort();
    throw error;
  }
}

/** Tar keeps whole seconds; the same exportedAt always gives the same header. */
function entryTime({ cycleId, exportedAt }: { cycleId: string; exportedAt: string }): Date {
  const instant = Date.parse(exportedAt);
  if (Number.isNaN(instant)) throw new Error(`exportedAt '${exportedAt}' is not an instant`);
  if (!cycleId) throw new Error('cycleId is empty');
  return new Date(Math.floor(instant / 1000) * 1000);
}

/** The histories as given, refusing one out of order or given twice (which the order makes adjacent). */
async function* inHistoryOrder(histories: ArchiveSource['histories']): AsyncGenerator<ArchivedHistory> {
  let previous: ArchivedHistory | undefined;
  for await (const history of histories) {
    const order = previous ? historyOrder(previous, history) : -1;
    if (order === 0) {
      throw new Error(
        `${historyPath(history)}: the history of ${history.workflowId} run ${history.runId} is given twice`,
      );
    }
    if (order > 0) {
      throw new Error(
        `the history of ${history.workflowId} comes after ${previous!.workflowId}: histories must come in order`,
      );
    }
    previous = history;
    yield history;
  }
}

/** The rows in parts of AUDIT_ROWS_PER_PART; at least one part, so that an empty log reads as one, not as none. */
async function* auditLogParts(rows: NonNullable<ArchiveSource['auditRows']>) {
  let part: string[] = [];
  let number = 0;
  const done = () => {
    number += 1;
    // One row a line: readable with any pager, and still one JSON array.
    const text = part.length ? `[\n${part.join(',\n')}\n]\n` : '[]\n';
    part = [];
    return { path: `${AUDIT_LOG_PARTS}${String(number).padStart(5, '0')}.json`, data: Buffer.from(text, 'utf8') };
  };
  for await (const row of rows) {
    part.push(JSON.stringify(row));
    if (part.length === AUDIT_ROWS_PER_PART) yield done();
  }
  if (part.length || number === 0) yield done();
}

/** A deterministic gzip tar written one in-memory entry at a time, at the pace `output` takes it. */
class TarWriter {
  private readonly pack: Pack;
  private readonly written: Promise<void>;
  private writing: WriteEntry | undefined;

  constructor(
    output: Writable,
    private readonly mtime: Date,
  ) {
    this.pack = new Pack({ gzip: true, portable: true, mtime, onWriteEntry: (entry) => (this.writing = entry) });
    this.written = pipeline(this.pack, output);
    // Awaited by add and end; this only keeps a failure that arrives while nothing awaits it from counting as unhandled.
    this.written.catch(() => undefined);
  }

  async add(path: string, data: Buffer): Promise<void> {
    const { mtime } = this;
    const entry = new ReadEntry(new Header({ path, type: 'File', mode: 0o644, size: data.length, mtime }));
    entry.end(data);
    this.pack.write(entry);
    // tar 7.5 moves a queued in-memory entry into the archive only while fewer than `jobs` (4) are queued, so
    // thousands queued at once stall it; one at a time also holds one file in memory, and the entry ends only once
    // the gzip stream has taken it (it pauses while `output` is full). A failed write ends the wait.
    const current = this.writing!;
    if (!current.emittedEnd) await Promise.race([once(current, 'end'), this.written]);
  }

  async end(): Promise<void> {
    this.pack.end();
    await this.written;
  }

  async abort(): Promise<void> {
    this.pack.destroy();
    await this.written.catch(() => undefined);
  }
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
 * wrong comes back in `problems`, together with whatever could still be read. An archive over one of the `limits`
 * (ARCHIVE_LIMITS unless given) is refused as soon as the cap is reached, with nothing read.
 */
export async function readArchive(path: string, limits: Partial<ArchiveLimits> = {}): Promise<ArchiveReading> {
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
  const unpacked = await unpack(path, { ...ARCHIVE_LIMITS, ...limits });
  if (unpacked.stopped) {
    problem(unpacked.stopped);
    return reading;
  }
  const { files } = unpacked;
  for (const text of unpacked.problems) problem(text);

  const manifestData = files.get(MANIFEST);
  if (!manifestData) {
    problem(
      `${MANIFEST} is missing: the archive was cut off before its manifest (an export that failed midway), ` +
        `it was repacked without it, or it is not a Tahap audit archive`,
    );
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
  if (!READABLE_FORMATS.includes(manifest.format)) {
    reading.manifest.format = manifest.format;
    problem(
      `unknown format '${manifest.format}': this version of Tahap reads ${READABLE_FORMATS.join(' and ')}; ` +
        `read the archive with the Tahap version that wrote it`,
    );
    return reading;
  }
  reading.manifest = manifest;

  const listed = new Set<string>();
  const auditLog: AuditLogPart[] = [];
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
    } else if (file.path === AUDIT_LOG_1 || file.path.startsWith(AUDIT_LOG_PARTS)) {
      auditLog.push({ path: file.path, data });
    }
  }
  if (auditLog.length) reading.auditRows = checkAuditRows(auditLog, problem);
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

interface Unpacked {
  files: Map<string, Buffer>;
  problems: string[];
  /** Why reading stopped before the end (a damaged, cut-off or over-cap archive); null when it read to the end. */
  stopped: string | null;
}

const sizeInWords = (bytes: number) =>
  bytes < 1024 ** 2 ? `${bytes} bytes` : `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;

/**
 * Every regular file of the archive, in memory, within `limits`. The whole gzip stream is decompressed, so its
 * checksum (CRC-32 of every byte it holds) is checked: the tar reader stops at the archive's end marker, so a change
 * after it, or one it reads past, would otherwise go unseen.
 */
function unpack(path: string, limits: ArchiveLimits): Promise<Unpacked> {
  return new Promise((resolve) => {
    const result: Unpacked = { files: new Map(), problems: [], stopped: null };
    const input = createReadStream(path);
    const gunzip = createGunzip();
    let settled = false;
    const settle = (stopped: string | null) => {
      if (settled) return;
      settled = true;
      result.stopped = stopped;
      input.destroy();
      gunzip.destroy();
      resolve(result);
    };
    const damaged = (error: Error & { code?: string }) =>
      settle(
        error.code === 'Z_BUF_ERROR'
          ? `the archive is incomplete: it ends before its end (${error.message}), as an export or a download cut off ` +
              `midway leaves it; export it again`
          : `the archive is damaged and cannot be read (${error.message}); ` +
              `export it again, or fetch a copy whose SHA-256 matches the one published with it`,
      );
    const overFileCap = (file: string, bytes: number) =>
      settle(
        `${file} holds ${sizeInWords(bytes)}, more than the ${sizeInWords(limits.maxFileBytes)} a file of an archive may ` +
          `hold (maxFileBytes): the archive is refused, unread`,
      );
    const parser = new Parser({
      onwarn: (code, message) => {
        // Non-strict tar reports a broken archive as a warning and reads on; nothing after it can be trusted.
        if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT') damaged(new Error(`${code}: ${message}`));
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
        if (entry.size > limits.maxFileBytes) {
          overFileCap(entry.path, entry.size);
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
    let total = 0;
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > limits.maxTotalBytes) {
        settle(
          `the archive unpacks to more than the ${sizeInWords(limits.maxTotalBytes)} an archive may hold ` +
            `(maxTotalBytes): it is refused, unread`,
        );
        return;
      }
      parser.write(chunk);
    });
    gunzip.on('end', () => parser.end());
    gunzip.on('error', damaged);
    input.on('error', damaged);
    parser.on('error', damaged);
    parser.on('close', () => settle(null));
    input.pipe(gunzip);
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
  if (!READABLE_FORMATS.includes(manifest.format)) return manifest as ArchiveManifest;
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

interface AuditLogPart {
  path: string;
  data: Buffer;
}

/**
 * The rows of an export are a selection of the log (one cycle's), so links between them are checked only where
 * two rows follow each other; every row's own hash is checked.
 */
function checkAuditRows(parts: AuditLogPart[], problem: (text: string) => void): AuditRow[] | null {
  const broken: string[] = [];
  const all: AuditRow[] = [];
  let previous: AuditRow | null = null;
  for (const { path, data } of parts) {
    let rows: unknown;
    try {
      rows = JSON.parse(data.toString('utf8'));
    } catch (error) {
      problem(`${path} is not JSON (${(error as Error).message})`);
      return null;
    }
    if (!Array.isArray(rows)) {
      problem(`${path} is not a list of audit rows`);
      return null;
    }
    for (const row of rows as AuditRow[]) {
      if (!row || typeof row !== 'object' || typeof row.seq !== 'number' || typeof row.hash !== 'string') {
        broken.push(`an entry of ${path} is not an audit row`);
      } else if (auditRowHash(row) !== row.hash) {
        broken.push(
          `${path}: row ${row.seq} was changed after it was written (its content no longer hashes to its hash)`,
        );
      } else if (previous && previous.seq + 1 === row.seq && row.prevHash !== previous.hash) {
        broken.push(`${path}: row ${row.seq} does not follow row ${previous.seq} (prevHash differs from its hash)`);
      }
      previous = row && typeof row === 'object' ? row : null;
      all.push(row);
    }
  }
  for (const text of broken.slice(0, MAX_ROW_PROBLEMS)) problem(text);
  if (broken.length > MAX_ROW_PROBLEMS)
    problem(`the audit log: ${broken.length - MAX_ROW_PROBLEMS} more rows are broken`);
  return all;
}
