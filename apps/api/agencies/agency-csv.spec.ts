import { parseAgencyCsv } from './agency-csv';

const HEADER = 'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language';
const BANYUWANGI =
  'kab-banyuwangi,Pemerintah Kabupaten Banyuwangi,kabupaten,Jawa Timur,WIB,Humas,humas@banyuwangikab.go.id,,';
const MAKASSAR =
  'kota-makassar,Pemerintah Kota Makassar,Kota,Sulawesi Selatan,wita,Bagian Organisasi,org@makassar.go.id,+62 411 3615,en';

const csv = (...lines: string[]) => lines.join('\n') + '\n';

const withoutLines = ({ profiles, problems }: ReturnType<typeof parseAgencyCsv>) => ({ profiles, problems });

describe('parseAgencyCsv', () => {
  it('reads a good file, normalising cluster and zone and defaulting the language', () => {
    expect(withoutLines(parseAgencyCsv(csv(HEADER, BANYUWANGI, MAKASSAR)))).toEqual({
      profiles: [
        {
          code: 'kab-banyuwangi',
          name: 'Pemerintah Kabupaten Banyuwangi',
          cluster: 'kabupaten',
          province: 'Jawa Timur',
          zone: 'WIB',
          contacts: [{ name: 'Humas', email: 'humas@banyuwangikab.go.id' }],
          language: 'id',
          region3T: false,
        },
        {
          code: 'kota-makassar',
          name: 'Pemerintah Kota Makassar',
          cluster: 'kota',
          province: 'Sulawesi Selatan',
          zone: 'WITA',
          contacts: [{ name: 'Bagian Organisasi', email: 'org@makassar.go.id', phone: '+62 411 3615' }],
          language: 'en',
          region3T: false,
        },
      ],
      problems: [],
    });
  });

  it('accepts the columns in any order, a byte-order mark, CRLF line ends and spaces around values', () => {
    const header = 'language,zone,cluster,code,name,province,contact_email,contact_name,contact_phone';
    const row = ' id , WIT , provinsi , prov-papua , Pemerintah Provinsi Papua , Papua , humas@papua.go.id , Humas , ';
    const { profiles, problems } = parseAgencyCsv('\ufeff' + header + '\r\n' + row + '\r\n');
    expect(problems).toEqual([]);
    expect(profiles).toEqual([
      {
        code: 'prov-papua',
        name: 'Pemerintah Provinsi Papua',
        cluster: 'provinsi',
        province: 'Papua',
        zone: 'WIT',
        contacts: [{ name: 'Humas', email: 'humas@papua.go.id' }],
        language: 'id',
        region3T: false,
      },
    ]);
  });

  it('reads the optional region_3t column and names a value it does not understand', () => {
    const header = `${HEADER},region_3t`;
    const papua = 'prov-papua,Pemerintah Provinsi Papua,provinsi,Papua,WIT,Humas,humas@papua.go.id,,id,ya';
    const depok = 'kota-depok,Pemerintah Kota Depok,kota,Jawa Barat,WIB,Humas,humas@depok.go.id,,id,';
    const odd =
      'kab-nduga,Pemerintah Kabupaten Nduga,kabupaten,Papua Pegunungan,WIT,Humas,humas@nduga.go.id,,id,mungkin';
    const { profiles, problems } = parseAgencyCsv(csv(header, papua, depok, odd));
    expect(profiles.map((profile) => [profile.code, profile.region3T])).toEqual([
      ['prov-papua', true],
      ['kota-depok', false],
    ]);
    expect(problems).toEqual([{ line: 4, field: 'region_3t', message: 'must be true or false, not "mungkin"' }]);
  });

  it('keeps commas and quotes inside quoted names', () => {
    const row =
      'kemenpan,"Kementerian PAN, dan ""RB""",kementerian,DKI Jakarta,WIB,"Deputi, Pelayanan",d@menpan.go.id,,id';
    const { profiles, problems } = parseAgencyCsv(csv(HEADER, row));
    expect(problems).toEqual([]);
    expect(profiles[0].name).toBe('Kementerian PAN, dan "RB"');
    expect(profiles[0].contacts[0].name).toBe('Deputi, Pelayanan');
  });

  it('reports each validation issue with its line and CSV column', () => {
    const bad = 'Kab Jember,Pemerintah Kabupaten Jember,desa,Jawa Timur,UTC,,jember,123,fr';
    const { profiles, problems } = parseAgencyCsv(csv(HEADER, BANYUWANGI, bad));
    expect(profiles.map((profile) => profile.code)).toEqual(['kab-banyuwangi']);
    expect(problems.map(({ line, field }) => [line, field])).toEqual([
      [3, 'code'],
      [3, 'cluster'],
      [3, 'zone'],
      [3, 'contact_name'],
      [3, 'contact_email'],
      [3, 'contact_phone'],
      [3, 'language'],
    ]);
    expect(problems[0].message).toBe('must be a lowercase slug such as kab-banyuwangi, not "Kab Jember"');
  });

  it('counts lines as a spreadsheet does: blank lines count, a line break inside quotes does not', () => {
    const multiLine = 'kab-jember,"Pemerintah Kabupaten\r\nJember",kabupaten,Jawa Timur,WIB,Humas,x,,';
    const text = [
      HEADER,
      '',
      BANYUWANGI,
      ',,,,,,,,',
      multiLine,
      'kota-malang,Pemerintah Kota Malang,kota,Jatim,WIB,H,y,,',
    ].join('\r\n');
    expect(parseAgencyCsv(text).problems.map(({ line, field }) => [line, field])).toEqual([
      [5, 'contact_email'],
      [6, 'contact_email'],
    ]);
  });

  it('reports a code that appears twice on the later line, naming the earlier one', () => {
    const { profiles, problems } = parseAgencyCsv(csv(HEADER, BANYUWANGI, MAKASSAR, BANYUWANGI));
    expect(profiles).toHaveLength(2);
    expect(problems).toEqual([{ line: 4, field: 'code', message: 'code kab-banyuwangi already appears on line 2' }]);
  });

  it('reports missing, unknown and repeated header columns on line 1', () => {
    const header = 'code,nama,cluster,province,zone,contact_name,contact_email,contact_email,language';
    const { profiles, problems } = parseAgencyCsv(csv(header, BANYUWANGI));
    expect(profiles).toEqual([]);
    expect(problems).toEqual([
      {
        line: 1,
        field: 'nama',
        message: `column "nama" is not known; the header must name the columns ${HEADER}`,
      },
      { line: 1, field: 'contact_email', message: 'column contact_email appears more than once in the header' },
      { line: 1, field: 'name', message: `column name is missing; the header must name the columns ${HEADER}` },
      {
        line: 1,
        field: 'contact_phone',
        message: `column contact_phone is missing; the header must name the columns ${HEADER}`,
      },
    ]);
  });

  it('reports a row with more values than columns instead of reading shifted values', () => {
    const shifted = 'kab-jember,Pemerintah Kabupaten Jember, Kab.,kabupaten,Jawa Timur,WIB,Humas,h@jember.go.id,,id';
    const { profiles, problems } = parseAgencyCsv(csv(HEADER, shifted, BANYUWANGI + ',,'));
    expect(profiles.map((profile) => profile.code)).toEqual(['kab-banyuwangi']);
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/^the row has 10 values but the header has 9/) },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only a byte-order mark and blank lines', '\ufeff\n\n'],
    ['only the header', csv(HEADER)],
    ['the header and blank rows', csv(HEADER, ',,,,,,,,', '')],
  ])('reports %s as having no agency rows', (_, text) => {
    expect(withoutLines(parseAgencyCsv(text))).toEqual({
      profiles: [],
      problems: [{ line: 1, message: 'the file has no agency rows' }],
    });
  });

  it('refuses more than 5000 rows, at the first row too many', () => {
    const rows = Array.from({ length: 5001 }, (_, i) => BANYUWANGI.replace('kab-banyuwangi', `kab-${i}`));
    expect(withoutLines(parseAgencyCsv(csv(HEADER, ...rows)))).toEqual({
      profiles: [],
      problems: [{ line: 5002, message: expect.stringContaining('at most 5000 rows per import') }],
    });
  });

  it('accepts exactly 5000 rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => BANYUWANGI.replace('kab-banyuwangi', `kab-${i}`));
    const { profiles, problems } = parseAgencyCsv(csv(HEADER, ...rows));
    expect(problems).toEqual([]);
    expect(profiles).toHaveLength(5000);
  });

  it.each([
    [
      'a quote never closed',
      csv(HEADER, BANYUWANGI, '', 'kab-x,"Pemerintah,kabupaten,Jatim,WIB,H,h@x.id,,', MAKASSAR),
      4,
    ],
    ['text after a closing quote', csv(HEADER, 'kab-x,"Pemerintah" Kab,kabupaten,Jatim,WIB,H,h@x.id,,'), 2],
    ['a quote inside an unquoted value', csv(HEADER, BANYUWANGI, 'kab-x,Kab "X",kabupaten,Jatim,WIB,H,h@x.id,,'), 3],
  ])('reports malformed CSV (%s) on the line of the broken row without throwing', (_, text, line) => {
    const result = parseAgencyCsv(text);
    expect(result.profiles).toEqual([]);
    expect(result.problems).toEqual([{ line, message: expect.stringContaining('write a quote inside it as ""') }]);
  });
});
