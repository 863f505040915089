import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import {
  checkDecision,
  decisionCsv,
  decisionGroups,
  decisionHtml,
  decisionNumber,
  type DecisionCorrection,
  type PlenaryDecision,
} from './decision-document';
// The JSON export and the digest use packages, which libs/domain may not import; they live in libs/plenary.
import { decisionJson, exportDigest } from '../../plenary/decision-export';
import { correctDecision } from './correction';
import { applyOverrides } from './plenary-rules';
import { rankFinalists, type FinalistScores } from './ranking';

const SCRIPT_TITLE = 'Layanan "Cepat", Tepat <script>alert(1)</script>';
const PALOPO_REASON = 'Replikasi Ayo Ceting di Kota Palopo menjangkau seluruh puskesmas sejak 2022.';

const finalist = (
  entryId: string,
  cluster: string,
  group: string,
  title: string,
  agencyName: string,
  desk: number | null,
  interview: number | null,
): FinalistScores => ({
  entryId,
  title,
  agencyCode: entryId,
  agencyName,
  cluster,
  group,
  desk,
  interview,
  fieldVerification: null,
  registeredAt: '2024-05-02T03:00:00Z',
  launchDate: '2015-01-01',
});

const WEIGHTS = { desk: 40, interview: 60, fieldVerification: 0 };
const NAMES = {
  clusters: { kabupaten: 'Kabupaten', kota: 'Kota', provinsi: 'Provinsi' },
  groups: { keberlanjutan: 'Keberlanjutan Inovasi', replikasi: 'Replikasi Inovasi' },
};
const present = Array.from({ length: 13 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return { panelistId: `p${n}`, name: `Panelis ${n}` };
});

function makeDecision(): PlenaryDecision {
  const ranking = rankFinalists(
    [
      finalist('e-sase', 'kabupaten', 'keberlanjutan', 'Siswa Asuh Sebaya', 'Kabupaten Banyuwangi', 84.125, 84.13),
      finalist('e-cepat', 'kabupaten', 'keberlanjutan', SCRIPT_TITLE, 'Kabupaten Contoh', 80, 82),
      finalist('e-formula', 'kabupaten', 'keberlanjutan', '=HYPERLINK("http://x")', 'Kabupaten Lain', 70, null),
      finalist('e-ceting', 'kota', 'replikasi', 'Ayo Ceting', 'Kota Padang', 88, 90),
      finalist('e-palopo', 'kota', 'replikasi', 'Ayo Ceting Palopo', 'Kota Palopo', 80, 78),
      finalist('e-klinik', 'provinsi', 'keberlanjutan', 'Klinik BUM Desa', 'Provinsi Jawa Timur', 86, 85),
    ],
    WEIGHTS,
    1,
  );
  const outcome = applyOverrides(ranking, [{ entryId: 'e-palopo', direction: 'in', reason: PALOPO_REASON }]);
  return {
    cycleId: 'cycle-pkri-2024',
    programme: 'PKRI',
    year: 2024,
    decisionNumber: decisionNumber(1, 'pkri', 2024),
    supersedes: null,
    reason: null,
    decidedAt: '2024-07-19T08:30:00Z',
    zone: 'WIB',
    quorum: 7,
    present,
    votes: { approve: 12, reject: 0, abstain: 1 },
    weights: WEIGHTS,
    topN: 1,
    overrides: [
      { entryId: 'e-palopo', direction: 'in', reason: PALOPO_REASON, votes: { approve: 7, reject: 6, abstain: 0 } },
    ],
    corrections: [],
    groups: decisionGroups(outcome, NAMES),
  };
}

/**
 * The same data with every object's keys inserted in reverse order and every list reversed, except the list of
 * those present, whose order the berita acara keeps.
 */
function reordered(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => reordered(item));
    return key === 'present' ? items : items.reverse();
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([name, item]) => [name, reordered(item, name)]),
    );
  }
  return value;
}

const CRLF = '\r\n';

describe('checkDecision', () => {
  it('finds nothing wrong with a consistent decision', () => {
    expect(checkDecision(makeDecision())).toEqual([]);
  });

  it('names what makes a decision unfit to publish', () => {
    const decision = makeDecision();
    expect(
      checkDecision({
        ...decision,
        decisionNumber: 'PKRI/1/2024',
        supersedes: '1/PKRI-2024',
        present: present.slice(0, 6),
        overrides: [{ ...decision.overrides[0], votes: { approve: 3, reject: 3, abstain: 0 } }],
      }),
    ).toEqual([
      'the decision number "PKRI/1/2024" must read <number>/PKRI-2024',
      'a correction names both the decision it supersedes and its reason; a first decision neither',
      '6 panelists present, fewer than the quorum of 7',
      '13 votes on the decision, more than the 6 panelists present',
      'the override of entry e-palopo did not carry: 3 of 6 present voted for it',
    ]);
  });

  it('refuses an override that does not match its entry', () => {
    const decision = makeDecision();
    decision.overrides[0].direction = 'out';
    expect(checkDecision(decision)).toEqual([
      'the override of entry e-palopo does not match the one noted on the entry',
    ]);
  });
});

describe('corrections', () => {
  /** Decision 2 moves the second of the Kabupaten group in, as a correction of decision 1 would. */
  function corrected() {
    const decision = makeDecision();
    const entry = decision.groups[0].entries[1];
    entry.status = 'winner';
    return {
      ...decision,
      decisionNumber: decisionNumber(2, 'pkri', 2024),
      supersedes: decision.decisionNumber,
      reason: 'Nilai wawancara salah dicatat oleh sekretariat',
      corrections: [{ entryId: entry.entryId, from: 'finalist', to: 'winner' }] as DecisionCorrection[],
    };
  }

  it('accepts a correction that names what changed and prints it in the berita acara', () => {
    expect(checkDecision(corrected())).toEqual([]);
    const html = decisionHtml(corrected());
    expect(html).toContain('mengoreksi keputusan nomor 1/PKRI-2024');
    expect(html).toMatch(/Koreksi atas Keputusan Sebelumnya.*Finalis menjadi Pemenang/s);
  });

  it('refuses corrections that do not match the entries, or on a first decision', () => {
    const decision = corrected();
    decision.corrections.push({ entryId: decision.groups[0].entries[0].entryId, from: 'winner', to: 'not-selected' });
    expect(checkDecision(decision)).toEqual([
      `the correction of entry ${decision.groups[0].entries[0].entryId}: the entry's status is winner, not not-selected`,
    ]);
    expect(checkDecision({ ...makeDecision(), corrections: corrected().corrections })).toContain(
      `the correction of entry ${corrected().corrections[0].entryId}: a first decision corrects nothing`,
    );
  });
});

describe('correctDecision', () => {
  const request = (
    moves: { entryId: string; direction: 'in' | 'out' }[],
    reason = 'Nilai wawancara salah dicatat oleh sekretariat.',
  ) => ({
    reason,
    moves,
    decidedAt: '2024-07-25T03:00:00Z',
  });

  it('writes the next decision: it supersedes the first, names what moved, and leaves the first untouched', () => {
    const first = makeDecision();
    const before = JSON.stringify(first);
    const { decision, problems } = correctDecision(first, 2, request([{ entryId: 'e-cepat', direction: 'in' }]));
    expect(problems).toEqual([]);
    expect(decision).toMatchObject({ decisionNumber: '2/PKRI-2024', supersedes: '1/PKRI-2024' });
    expect(decision.corrections).toEqual([{ entryId: 'e-cepat', from: 'finalist', to: 'winner' }]);
    expect(checkDecision(decision)).toEqual([]);
    expect(JSON.stringify(first)).toBe(before);
  });

  it('names each move it cannot make, with the field to fix', () => {
    const { problems } = correctDecision(
      makeDecision(),
      2,
      request(
        [
          { entryId: 'e-palopo', direction: 'out' },
          { entryId: 'e-formula', direction: 'in' },
          { entryId: 'e-nowhere', direction: 'in' },
          { entryId: 'e-sase', direction: 'in' },
        ],
        'salah',
      ),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'reason',
      'moves[0].entryId',
      'moves[1].direction',
      'moves[2].entryId',
      'moves[3].direction',
    ]);
    expect(problems[1].message).toMatch(/moved in by the plenary's vote/);
  });
});

describe('decisionCsv', () => {
  it('writes one RFC 4180 row per entry, with a BOM, CRLF, an Indonesian header and two-decimal scores', () => {
    expect(decisionCsv(makeDecision())).toBe(
      '\uFEFF' +
        [
          'peringkat,kluster,kelompok,judul,instansi,nilai_desk,nilai_wawancara,nilai_verifikasi,nilai_akhir,status',
          '1,Kabupaten,Keberlanjutan Inovasi,Siswa Asuh Sebaya,Kabupaten Banyuwangi,84.13,84.13,,84.13,Pemenang',
          '2,Kabupaten,Keberlanjutan Inovasi,"Layanan ""Cepat"", Tepat <script>alert(1)</script>",Kabupaten Contoh,80.00,82.00,,81.20,Finalis',
          `,Kabupaten,Keberlanjutan Inovasi,"'=HYPERLINK(""http://x"")",Kabupaten Lain,70.00,,,,Tidak dipilih`,
          '1,Kota,Replikasi Inovasi,Ayo Ceting,Kota Padang,88.00,90.00,,89.20,Pemenang',
          '2,Kota,Replikasi Inovasi,Ayo Ceting Palopo,Kota Palopo,80.00,78.00,,78.80,Pemenang',
          '1,Provinsi,Keberlanjutan Inovasi,Klinik BUM Desa,Provinsi Jawa Timur,86.00,85.00,,85.40,Pemenang',
        ]
          .map((line) => line + CRLF)
          .join(''),
    );
  });

  it('quotes a line break inside a text', () => {
    const decision = makeDecision();
    decision.groups[2].entries[0].title = 'Klinik\r\nBUM Desa';
    expect(decisionCsv(decision)).toContain(',"Klinik\r\nBUM Desa",');
  });
});

describe('decisionJson', () => {
  it('is the RFC 8785 canonical form of the decision, with a trailing newline, and reads back as it', () => {
    const decision = makeDecision();
    const json = decisionJson(decision);
    expect(json).toBe(`${canonicalize(decision)}\n`);
    expect(JSON.parse(json)).toEqual(decision);
  });

  it('leaves out fields the decision does not document', () => {
    const decision = { ...makeDecision(), internalNote: 'tidak untuk publik' } as PlenaryDecision;
    expect(decisionJson(decision)).not.toContain('internalNote');
  });
});

describe('the exports are reproducible', () => {
  const exporters = { csv: decisionCsv, json: decisionJson, html: decisionHtml };

  it.each(Object.entries(exporters))('%s: the same bytes on two calls and whatever the key or list order', (_, fn) => {
    const first = fn(makeDecision());
    expect(fn(makeDecision())).toBe(first);
    const shuffled = reordered(makeDecision()) as PlenaryDecision;
    expect(Object.keys(shuffled)[0]).toBe('groups'); // the reordering did happen
    expect(shuffled.groups[0].cluster).toBe('provinsi');
    expect(fn(shuffled)).toBe(first);
    expect(exportDigest(fn(shuffled))).toBe(exportDigest(first));
  });

  it.each(Object.entries(exporters))('%s: a changed score changes the bytes and the digest', (_, fn) => {
    const changed = makeDecision();
    changed.groups[0].entries[1].interview = 82.01;
    expect(exportDigest(fn(changed))).not.toBe(exportDigest(fn(makeDecision())));
  });

  it('digests the UTF-8 bytes, the BOM included, as sha256sum would', () => {
    const csv = decisionCsv(makeDecision());
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(exportDigest(csv)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(exportDigest(new Uint8Array(bytes))).toBe(exportDigest(csv));
  });

  it('refuses to export a decision that fails its checks', () => {
    const decision = { ...makeDecision(), present: present.slice(0, 6) };
    for (const fn of Object.values(exporters)) {
      expect(() => fn(decision)).toThrow('the decision cannot be exported: 6 panelists present');
    }
  });
});

describe('decisionHtml', () => {
  const html = decisionHtml(makeDecision());

  it('is the berita acara in Indonesian, with the date and time written out in WIB', () => {
    expect(html).toContain('<h1>Berita Acara Sidang Pleno Tim Panel Independen</h1>');
    expect(html).toContain('Pemantauan Keberlanjutan dan Replikasi Inovasi Pelayanan Publik (PKRI) Tahun 2024');
    expect(html).toContain('Nomor: 1/PKRI-2024');
    expect(html).toContain('dilaksanakan pada Jumat, 19 Juli 2024 pukul 15.30 WIB.');
    expect(html).toContain('Kuorum 7 anggota; hadir 13 anggota, sehingga kuorum terpenuhi.');
    expect(html).toContain('<ol><li>Panelis 01</li><li>Panelis 02</li>');
    expect(html).toContain('Nilai akhir dihitung dari 40% nilai desk + 60% nilai wawancara');
  });

  it('has a table per cluster and group with decimal commas and statuses', () => {
    expect(html).toContain('<h2>Kluster Kabupaten — Kelompok Keberlanjutan Inovasi</h2>');
    expect(html).toContain(
      '<tr><td class="num">1</td><td>Siswa Asuh Sebaya</td><td>Kabupaten Banyuwangi</td>' +
        '<td class="num">84,13</td><td class="num">84,13</td><td class="num">84,13</td><td>Pemenang</td></tr>',
    );
    expect(html).toContain('<td class="num">81,20</td><td>Finalis</td>');
    expect(html).toContain('<td class="num">—</td><td>Tidak dipilih</td>');
    expect(html).toContain('<td>Pemenang (keputusan pleno)</td>');
    expect(html).not.toContain('Nilai Verifikasi'); // no weight, no column
  });

  it('lists each override with its reason and vote', () => {
    expect(html).toContain(
      '<li><strong>Ayo Ceting Palopo</strong> (Kota Palopo; Kluster Kota, Kelompok Replikasi Inovasi, peringkat 2) ' +
        'dimasukkan ke dalam daftar pemenang. Alasan: Replikasi Ayo Ceting di Kota Palopo menjangkau seluruh puskesmas ' +
        'sejak 2022. Suara: 7 setuju, 6 menolak, 0 abstain.</li>',
    );
  });

  it('escapes every text, so a title cannot inject markup', () => {
    expect(html).toContain('Layanan &quot;Cepat&quot;, Tepat &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('is self-contained and printable on A4', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="id">')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/\b(src|href)\s*=|<link|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('states what a correction corrects and why', () => {
    const correction: PlenaryDecision = {
      ...makeDecision(),
      decisionNumber: '2/PKRI-2024',
      supersedes: '1/PKRI-2024',
      reason: 'Nilai wawancara <Kota Palopo> salah input dan telah diperbaiki.',
    };
    expect(decisionHtml(correction)).toContain(
      '<strong>Keputusan ini mengoreksi keputusan nomor 1/PKRI-2024 karena Nilai wawancara &lt;Kota Palopo&gt; salah input dan telah diperbaiki.</strong>',
    );
    expect(html).not.toContain('mengoreksi');
  });

  it('shows the field verification column when it carries a weight', () => {
    const decision = makeDecision();
    decision.weights = { desk: 30, interview: 50, fieldVerification: 20 };
    decision.groups[0].entries[0].fieldVerification = 90.5;
    const withVerification = decisionHtml(decision);
    expect(withVerification).toContain('<th>Nilai Verifikasi</th>');
    expect(withVerification).toContain('<td class="num">90,50</td>');
    expect(withVerification).toContain('30% nilai desk + 50% nilai wawancara + 20% nilai verifikasi lapangan');
  });
});
