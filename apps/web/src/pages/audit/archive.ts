/**
 * Reads a cycle's audit archive (libs/audit/archive.ts: a gzip-compressed tar with `manifest.json`,
 * `manifest.sha256` and every file the manifest lists, the manifest last in format /2 and first in /1: found
 * wherever it is) in the browser, as `tahap audit export` does after downloading: the manifest's SHA-256 (the
 * digest to publish) and every file checked against the manifest.
 */
export interface ArchiveCheck {
  /** The SHA-256 (hex) of `manifest.json` as received. */
  manifestSha256: string;
  /** Files the manifest lists, all found with their size and SHA-256. */
  files: number;
  /** Empty when the archive is intact; otherwise what is wrong. */
  problems: string[];
}

interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

const BLOCK = 512;

/** Whether this browser can compute SHA-256 (Web Crypto exists only in secure contexts: HTTPS or localhost). */
export function canDigest(): boolean {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined && typeof DecompressionStream !== 'undefined';
}

export async function checkArchive(archive: Blob): Promise<ArchiveCheck> {
  const tar = new Uint8Array(
    await new Response(archive.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
  );
  const entries = readTar(tar);
  const manifestData = entries.get('manifest.json');
  if (!manifestData) throw new Error('manifest.json is missing');
  const manifestSha256 = await sha256(manifestData);
  const problems: string[] = [];
  const stated = entries.get('manifest.sha256');
  if (!stated || new TextDecoder().decode(stated).trim() !== manifestSha256)
    problems.push('manifest.json does not match manifest.sha256');
  const manifest = JSON.parse(new TextDecoder().decode(manifestData)) as { files?: ManifestFile[] };
  const files = manifest.files ?? [];
  for (const file of files) {
    const data = entries.get(file.path);
    if (!data) problems.push(`${file.path} is missing`);
    else if (data.length !== file.bytes || (await sha256(data)) !== file.sha256)
      problems.push(`${file.path} does not match its SHA-256 in the manifest`);
  }
  return { manifestSha256, files: files.length, problems };
}

async function sha256(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A ustar archive's regular files by path; a pax header's `path` (names longer than ustar holds) is honoured. */
function readTar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const text = (from: number, length: number) => {
    const field = tar.subarray(from, from + length);
    const end = field.indexOf(0);
    return new TextDecoder().decode(end === -1 ? field : field.subarray(0, end));
  };
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + BLOCK <= tar.length && tar[offset] !== 0) {
    const size = parseInt(text(offset + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(tar[offset + 156] || 0x30);
    const prefix = text(offset + 345, 155);
    const name = prefix ? `${prefix}/${text(offset, 100)}` : text(offset, 100);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (type === 'x') paxPath = paxRecord(new TextDecoder().decode(data), 'path');
    else if (type === '0' || type === '\0') {
      files.set(paxPath ?? name, data);
      paxPath = undefined;
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** A value of a pax extended header (`<length> <key>=<value>\n` records). */
function paxRecord(records: string, key: string): string | undefined {
  for (const record of records.split('\n')) {
    const match = /^\d+ ([^=]+)=(.*)$/s.exec(record);
    if (match && match[1] === key) return match[2];
  }
  return undefined;
}
