import { compareText } from '../ordering';
import { spreadsheetText } from '../spreadsheet-text';
import { formatDecimal } from './decimal';
import { checkWeights, SCORE_COMPONENTS, type FinalScoreWeights } from './final-score';
import { instantId, parseInstant, SCORE_COMPONENT_ID, scoreId } from './indonesian-text';
import {
  MIN_OVERRIDE_REASON_LENGTH,
  overrideCarries,
  type FinalistStatus,
  type OverrideDirection,
  type PlenaryOutcome,
  type VoteCount,
} from './plenary-rules';

/**
 * The plenary's decision as it is published (berita acara) and archived. A correction is a new decision with its
 * own number that names the one it `supersedes` and why; the earlier one is never edited.
 */
export interface PlenaryDecision {
  cycleId: string;
  programme: string;
  year: number;
  /** `<sequence>/<PROGRAMME>-<year>`, e.g. `1/PKRI-2024` (see `decisionNumber`). */
  decisionNumber: string;
  /** The number of the decision this one corrects; null for a first decision. */
  supersedes: string | null;
  /** Why the correction; null exactly when `supersedes` is. */
  reason: string | null;
  /** ISO instant with its zone. */
  decidedAt: string;
  zone: 'WIB';
  quorum: number;
  /** Panelists present (each once), in the order the berita acara lists them (the chair first). */
  present: DecisionPanelist[];
  /** The plenary's vote adopting this decision. */
  votes: VoteCount;
  /** How the final scores were computed, so a reader can recompute them. */
  weights: FinalScoreWeights;
  /** How many of each cluster and group the ranking proposed as winners. */
  topN: number;
  /** Overrides that carried, each with its vote. */
  overrides: DecisionOverride[];
  /** What a correction changed against the decision it supersedes; empty for a first decision. */
  corrections: DecisionCorrection[];
  groups: DecisionGroup[];
}

/** One entry whose status a correction changed; the reason is the decision's own. */
export interface DecisionCorrection {
  entryId: string;
  from: FinalistStatus;
  to: FinalistStatus;
}

export interface DecisionPanelist {
  panelistId: string;
  name: string;
}

export interface DecisionOverride {
  entryId: string;
  direction: OverrideDirection;
  reason: string;
  votes: VoteCount;
}

export interface DecisionGroup {
  cluster: string;
  group: string;
  clusterName: string;
  groupName: string;
  entries: DecisionEntry[];
}

export interface DecisionEntry {
  /** null for an entry without a final score. */
  rank: number | null;
  entryId: string;
  title: string;
  agencyName: string;
  desk: number | null;
  interview: number | null;
  fieldVerification: number | null;
  final: number | null;
  status: FinalistStatus;
  override?: { direction: OverrideDirection; reason: string };
}

/** `1/PKRI-2024`: the sequence of decisions of a cycle (a correction takes the next), programme and year. */
export function decisionNumber(sequence: number, programme: string, year: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`the sequence must be 1 or more, not ${sequence}`);
  return `${sequence}/${programme.toUpperCase()}-${year}`;
}

/** The decision's groups from the plenary's outcome, with the names people read for cluster and group codes. */
export function decisionGroups(
  outcome: PlenaryOutcome,
  names: { clusters: Record<string, string>; groups: Record<string, string> },
): DecisionGroup[] {
  const nameOf = (table: Record<string, string>, code: string, what: string) => {
    if (!Object.hasOwn(table, code)) throw new Error(`no name for the ${what} ${code}`);
    return table[code];
  };
  return outcome.groups.map((group) => ({
    cluster: group.cluster,
    group: group.group,
    clusterName: nameOf(names.clusters, group.cluster, 'cluster'),
    groupName: nameOf(names.groups, group.group, 'group'),
    entries: group.entries.map((entry) => ({
      rank: entry.rank,
      entryId: entry.entryId,
      title: entry.title,
      agencyName: entry.agencyName,
      desk: entry.desk,
      interview: entry.interview,
      fieldVerification: entry.fieldVerification,
      final: entry.final,
      status: entry.status,
      ...(entry.override ? { override: { ...entry.override } } : {}),
    })),
  }));
}

/** What makes a decision unfit to publish, in words an admin can act on; empty when nothing does. */
export function checkDecision(decision: PlenaryDecision): string[] {
  const problems: string[] = [];
  const expected = `<number>/${decision.programme.toUpperCase()}-${decision.year}`;
  if (
    !new RegExp(`^[1-9]\\d*/${escapeRegExp(decision.programme.toUpperCase())}-${decision.year}$`).test(
      decision.decisionNumber,
    )
  ) {
    problems.push(`the decision number "${decision.decisionNumber}" must read ${expected}`);
  }
  if ((decision.supersedes === null) !== (decision.reason === null)) {
    problems.push('a correction names both the decision it supersedes and its reason; a first decision neither');
  }
  if (decision.supersedes !== null && decision.supersedes === decision.decisionNumber) {
    problems.push(`decision ${decision.decisionNumber} cannot supersede itself`);
  }
  if (decision.reason !== null && [...decision.reason.trim()].length < MIN_OVERRIDE_REASON_LENGTH) {
    problems.push(`the reason for the correction must be at least ${MIN_OVERRIDE_REASON_LENGTH} characters`);
  }
  if (parseInstant(decision.decidedAt) === undefined) {
    problems.push(`decidedAt ${decision.decidedAt} is not an ISO instant with its zone`);
  }
  if (decision.zone !== 'WIB') {
    problems.push(`the zone must be WIB, not ${String(decision.zone)}`);
  }
  if (!Number.isInteger(decision.topN) || decision.topN < 0)
    problems.push(`topN ${decision.topN} is not a whole number`);
  problems.push(...checkWeights(decision.weights));

  const presentIds = new Set(decision.present.map((p) => p.panelistId));
  if (presentIds.size !== decision.present.length) problems.push('a panelist is listed as present twice');
  const present = presentIds.size;
  if (!Number.isInteger(decision.quorum) || decision.quorum < 1) {
    problems.push(`the quorum must be a whole number above 0, not ${decision.quorum}`);
  } else if (present < decision.quorum) {
    problems.push(`${present} panelists present, fewer than the quorum of ${decision.quorum}`);
  }
  problems.push(...checkVotes(decision.votes, present, 'the decision'));

  const entries = new Map<string, DecisionEntry>();
  for (const group of decision.groups) {
    for (const entry of group.entries) {
      if (entries.has(entry.entryId)) problems.push(`entry ${entry.entryId} appears twice`);
      entries.set(entry.entryId, entry);
      if (entry.status !== 'not-selected' && (entry.rank === null || entry.final === null)) {
        problems.push(`entry ${entry.entryId} is a ${entry.status} without a rank and final score`);
      }
      if (entry.override && !decision.overrides.some((o) => o.entryId === entry.entryId)) {
        problems.push(`entry ${entry.entryId} carries an override the decision does not list`);
      }
    }
  }
  const overridden = new Set<string>();
  for (const override of decision.overrides) {
    const what = `the override of entry ${override.entryId}`;
    if (overridden.has(override.entryId)) problems.push(`entry ${override.entryId} has more than one override`);
    overridden.add(override.entryId);
    const votes = checkVotes(override.votes, present, what);
    problems.push(...votes);
    if (votes.length === 0 && !overrideCarries(override.votes.approve, present)) {
      problems.push(`${what} did not carry: ${override.votes.approve} of ${present} present voted for it`);
    }
    const entry = entries.get(override.entryId);
    if (!entry) problems.push(`${what}: the entry is in no group`);
    else if (entry.override?.direction !== override.direction || entry.override.reason !== override.reason) {
      problems.push(`${what} does not match the one noted on the entry`);
    } else if (entry.status !== (override.direction === 'in' ? 'winner' : 'not-selected')) {
      problems.push(`${what}: an entry moved ${override.direction} cannot have the status ${entry.status}`);
    }
  }
  const corrected = new Set<string>();
  for (const correction of decision.corrections) {
    const what = `the correction of entry ${correction.entryId}`;
    if (decision.supersedes === null) problems.push(`${what}: a first decision corrects nothing`);
    if (corrected.has(correction.entryId)) problems.push(`entry ${correction.entryId} is corrected twice`);
    corrected.add(correction.entryId);
    const entry = entries.get(correction.entryId);
    if (!entry) problems.push(`${what}: the entry is in no group`);
    else if (entry.status !== correction.to)
      problems.push(`${what}: the entry's status is ${entry.status}, not ${correction.to}`);
    if (correction.from === correction.to) problems.push(`${what} changes nothing`);
  }
  return problems;
}

function checkVotes(votes: VoteCount, present: number, what: string): string[] {
  const counts = [votes.approve, votes.reject, votes.abstain];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) return [`the votes on ${what} must be whole numbers`];
  const cast = counts.reduce((a, b) => a + b, 0);
  return cast > present ? [`${cast} votes on ${what}, more than the ${present} panelists present`] : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- exports: the same decision gives the same bytes, whatever the key order or list order it arrived in ----

/**
 * The decision reduced to its documented fields, lists in their canonical order: groups by cluster then group,
 * entries by rank (unranked last) then entry id, overrides by entry id. The present stay in the order recorded
 * (the secretariat lists the chair first), so that order is part of the decision. Every exporter starts from
 * this, so extra fields a caller's object carried never leak into an export.
 */
export function canonicalDecision(decision: PlenaryDecision): PlenaryDecision {
  const problems = checkDecision(decision);
  if (problems.length > 0) throw new Error(`the decision cannot be exported: ${problems.join('; ')}`);
  const votes = (v: VoteCount): VoteCount => ({ approve: v.approve, reject: v.reject, abstain: v.abstain });
  return {
    cycleId: decision.cycleId,
    programme: decision.programme,
    year: decision.year,
    decisionNumber: decision.decisionNumber,
    supersedes: decision.supersedes,
    reason: decision.reason,
    decidedAt: decision.decidedAt,
    zone: decision.zone,
    quorum: decision.quorum,
    present: decision.present.map((p) => ({ panelistId: p.panelistId, name: p.name })),
    votes: votes(decision.votes),
    weights: {
      desk: decision.weights.desk,
      interview: decision.weights.interview,
      fieldVerification: decision.weights.fieldVerification,
    },
    topN: decision.topN,
    overrides: decision.overrides
      .map((o) => ({ entryId: o.entryId, direction: o.direction, reason: o.reason, votes: votes(o.votes) }))
      .sort((a, b) => compareText(a.entryId, b.entryId)),
    corrections: decision.corrections
      .map((c) => ({ entryId: c.entryId, from: c.from, to: c.to }))
      .sort((a, b) => compareText(a.entryId, b.entryId)),
    groups: decision.groups
      .map((g) => ({
        cluster: g.cluster,
        group: g.group,
        clusterName: g.clusterName,
        groupName: g.groupName,
        entries: g.entries
          .map((e): DecisionEntry => ({
            rank: e.rank,
            entryId: e.entryId,
            title: e.title,
            agencyName: e.agencyName,
            desk: e.desk,
            interview: e.interview,
            fieldVerification: e.fieldVerification,
            final: e.final,
            status: e.status,
            ...(e.override ? { override: { direction: e.override.direction, reason: e.override.reason } } : {}),
          }))
          .sort(
            (a, b) =>
              (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
              compareText(a.entryId, b.entryId),
          ),
      }))
      .sort((a, b) => compareText(a.cluster, b.cluster) || compareText(a.group, b.group)),
  };
}

export const DECISION_CSV_HEADER = [
  'peringkat',
  'kluster',
  'kelompok',
  'judul',
  'instansi',
  'nilai_desk',
  'nilai_wawancara',
  'nilai_verifikasi',
  'nilai_akhir',
  'status',
] as const;

export const STATUS_LABEL: Record<FinalistStatus, string> = {
  winner: 'Pemenang',
  finalist: 'Finalis',
  'not-selected': 'Tidak dipilih',
};

const CRLF = '\r\n';
const BOM = '\uFEFF';

/**
 * One row per entry (RFC 4180: CRLF after every record, a field quoted when it holds a comma, quote, CR or LF,
 * quotes doubled), preceded by a UTF-8 byte order mark so Excel reads Indonesian text as UTF-8. Scores with a dot
 * and two decimals (empty when missing); cluster and group by name; status as printed (`Pemenang`). Text cells go
 * through `spreadsheetText`, so a title typed as a formula is shown, not run; the JSON export keeps every text.
 */
export function decisionCsv(decision: PlenaryDecision): string {
  const canonical = canonicalDecision(decision);
  const rows: string[][] = [[...DECISION_CSV_HEADER]];
  for (const group of canonical.groups) {
    for (const entry of group.entries) {
      rows.push([
        entry.rank === null ? '' : String(entry.rank),
        spreadsheetText(group.clusterName),
        spreadsheetText(group.groupName),
        spreadsheetText(entry.title),
        spreadsheetText(entry.agencyName),
        score(entry.desk),
        score(entry.interview),
        score(entry.fieldVerification),
        score(entry.final),
        STATUS_LABEL[entry.status],
      ]);
    }
  }
  return BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

const score = (value: number | null) => (value === null ? '' : formatDecimal(value, 2, '.'));
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const PROGRAMME_NAME: Record<string, string> = {
  KIPP: 'Kompetisi Inovasi Pelayanan Publik',
  PKRI: 'Pemantauan Keberlanjutan dan Replikasi Inovasi Pelayanan Publik',
};

const DIRECTION_TEXT: Record<OverrideDirection, string> = {
  in: 'dimasukkan ke dalam daftar pemenang',
  out: 'dikeluarkan dari daftar pemenang',
};

const STYLE = [
  '@page { size: A4; margin: 20mm 18mm; }',
  "body { font-family: 'Times New Roman', Times, serif; font-size: 11pt; line-height: 1.4; color: #000; margin: 0; }",
  'h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 0 0 4pt; }',
  'h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }',
  '.center { text-align: center; margin: 0; }',
  'table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; }',
  'thead { display: table-header-group; }',
  'tr { break-inside: avoid; page-break-inside: avoid; }',
  'th, td { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }',
  'th { background: #eee; }',
  '.num { text-align: right; white-space: nowrap; }',
  '.note { font-size: 9pt; }',
].join('\n');

/**
 * The berita acara as one self-contained A4 HTML page in Indonesian: no scripts, no external resources (a
 * Content-Security-Policy forbids them even if a text slipped through), every text escaped, times in WIB written
 * out, scores with a decimal comma. The verification column appears only when that score carries a weight.
 */
export function decisionHtml(decision: PlenaryDecision): string {
  const d = canonicalDecision(decision);
  const programme = d.programme.toUpperCase();
  const programmeName = Object.hasOwn(PROGRAMME_NAME, programme)
    ? `${PROGRAMME_NAME[programme]} (${programme})`
    : programme;
  const when = instantId(d.decidedAt, d.zone);
  const withVerification = d.weights.fieldVerification > 0;
  const entryById = new Map(
    d.groups.flatMap((g) => g.entries.map((e) => [e.entryId, { group: g, entry: e }] as const)),
  );

  const weightParts = SCORE_COMPONENTS.filter((c) => d.weights[c] > 0).map(
    (c) => `${String(d.weights[c]).replace('.', ',')}% ${SCORE_COMPONENT_ID[c]}`,
  );
  const body: string[] = [
    `<h1>Berita Acara Sidang Pleno Tim Panel Independen</h1>`,
    `<p class="center">${esc(programmeName)} Tahun ${d.year}</p>`,
    `<p class="center">Nomor: ${esc(d.decisionNumber)}</p>`,
  ];
  if (d.supersedes !== null && d.reason !== null) {
    body.push(
      `<p><strong>Keputusan ini mengoreksi keputusan nomor ${esc(d.supersedes)} karena ${esc(d.reason.trim().replace(/\.$/, ''))}.</strong></p>`,
    );
  }
  body.push(
    `<p>Sidang pleno Tim Panel Independen dilaksanakan pada ${esc(when)}. Kuorum ${d.quorum} anggota; ` +
      `hadir ${d.present.length} anggota, sehingga kuorum terpenuhi.</p>`,
    '<p>Anggota yang hadir:</p>',
    `<ol>${d.present.map((p) => `<li>${esc(p.name)}</li>`).join('')}</ol>`,
    `<p>Nilai akhir dihitung dari ${esc(weightParts.join(' + '))}, dibulatkan dua angka desimal (setengah ke atas). ` +
      `Pada setiap kluster dan kelompok, ${d.topN} peringkat teratas diusulkan sebagai pemenang.</p>`,
    `<p>Hasil pemungutan suara atas keputusan ini: ${voteText(d.votes)}, dari ${d.present.length} anggota yang hadir.</p>`,
  );

  for (const group of d.groups) {
    body.push(`<h2>Kluster ${esc(group.clusterName)} — Kelompok ${esc(group.groupName)}</h2>`);
    const head = ['Peringkat', 'Judul Inovasi', 'Instansi', 'Nilai Desk', 'Nilai Wawancara'];
    if (withVerification) head.push('Nilai Verifikasi');
    head.push('Nilai Akhir', 'Status');
    const rows = group.entries.map((entry) => {
      const cells = [
        `<td class="num">${entry.rank ?? '—'}</td>`,
        `<td>${esc(entry.title)}</td>`,
        `<td>${esc(entry.agencyName)}</td>`,
        `<td class="num">${scoreId(entry.desk)}</td>`,
        `<td class="num">${scoreId(entry.interview)}</td>`,
      ];
      if (withVerification) cells.push(`<td class="num">${scoreId(entry.fieldVerification)}</td>`);
      const status = STATUS_LABEL[entry.status] + (entry.override ? ' (keputusan pleno)' : '');
      cells.push(`<td class="num">${scoreId(entry.final)}</td>`, `<td>${esc(status)}</td>`);
      return `<tr>${cells.join('')}</tr>`;
    });
    body.push(
      '<table>',
      `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`,
      `<tbody>${rows.join('')}</tbody>`,
      '</table>',
    );
  }

  if (d.corrections.length > 0) {
    body.push('<h2>Koreksi atas Keputusan Sebelumnya</h2>');
    const items = d.corrections.map((correction) => {
      const { group, entry } = entryById.get(correction.entryId)!;
      return (
        `<li><strong>${esc(entry.title)}</strong> (${esc(entry.agencyName)}; Kluster ${esc(group.clusterName)}, ` +
        `Kelompok ${esc(group.groupName)}): ${STATUS_LABEL[correction.from]} menjadi ${STATUS_LABEL[correction.to]}.</li>`
      );
    });
    body.push(`<ol>${items.join('')}</ol>`);
  }
  body.push('<h2>Perubahan Usulan oleh Sidang Pleno</h2>');
  if (d.overrides.length === 0) body.push('<p>Tidak ada perubahan terhadap usulan peringkat.</p>');
  else {
    const items = d.overrides.map((override) => {
      const { group, entry } = entryById.get(override.entryId)!;
      const rank = entry.rank === null ? '' : `, peringkat ${entry.rank}`;
      return (
        `<li><strong>${esc(entry.title)}</strong> (${esc(entry.agencyName)}; Kluster ${esc(group.clusterName)}, ` +
        `Kelompok ${esc(group.groupName)}${rank}) ${DIRECTION_TEXT[override.direction]}. ` +
        `Alasan: ${esc(override.reason.replace(/\.$/, ''))}. Suara: ${voteText(override.votes)}.</li>`
      );
    });
    body.push(`<ol>${items.join('')}</ol>`);
  }
  body.push(`<p class="note">Siklus ${esc(d.cycleId)}. Semua waktu dalam ${d.zone}.</p>`);

  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>Berita Acara Sidang Pleno ${esc(d.decisionNumber)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function voteText(votes: VoteCount): string {
  return `${votes.approve} setuju, ${votes.reject} menolak, ${votes.abstain} abstain`;
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
