import { validateAgencyProfile, type AgencyProfile } from './agency-profile';

const BANYUWANGI: AgencyProfile = {
  code: 'kab-banyuwangi',
  name: 'Pemerintah Kabupaten Banyuwangi',
  cluster: 'kabupaten',
  province: 'Jawa Timur',
  zone: 'WIB',
  contacts: [
    { name: 'Bagian Organisasi', email: 'organisasi@banyuwangikab.go.id', phone: '+62 (333) 424-172' },
    { name: 'Humas', email: 'humas@banyuwangikab.go.id' },
  ],
  language: 'id',
};

function variant(change: (profile: Record<string, any>) => void): unknown {
  const profile = structuredClone(BANYUWANGI) as Record<string, any>;
  change(profile);
  return profile;
}

const paths = (input: unknown) => validateAgencyProfile(input).map((issue) => issue.path);

describe('validateAgencyProfile', () => {
  it('accepts a complete profile', () => {
    expect(validateAgencyProfile(BANYUWANGI)).toEqual([]);
  });

  it('accepts a profile in English with one contact and no phone', () => {
    const profile = variant((p) => {
      p.language = 'en';
      p.contacts = [{ name: 'A', email: 'a@b.id' }];
    });
    expect(validateAgencyProfile(profile)).toEqual([]);
  });

  it.each([
    ['code', 'Kab-Banyuwangi'],
    ['code', 'kab banyuwangi'],
    ['code', 'kab--banyuwangi'],
    ['code', '-kab'],
    ['code', 'a'.repeat(65)],
    ['code', 42],
    ['name', 'ab'],
    ['name', '   ab   '],
    ['name', 'x'.repeat(201)],
    ['name', undefined],
    ['cluster', 'Kabupaten'],
    ['cluster', 'desa'],
    ['province', 'J'],
    ['province', 'x'.repeat(101)],
    ['zone', 'wib'],
    ['zone', 'UTC+7'],
    ['language', 'fr'],
    ['language', undefined],
  ])('refuses %s = %p at its own path', (path, value) => {
    expect(paths(variant((p) => (p[path] = value)))).toEqual([path]);
  });

  it('explains what a code must look like', () => {
    expect(validateAgencyProfile(variant((p) => (p.code = 'Kab Banyuwangi')))).toEqual([
      { path: 'code', message: 'must be a lowercase slug such as kab-banyuwangi, not "Kab Banyuwangi"' },
    ]);
  });

  it('lists the clusters and zones a person can choose from', () => {
    const issues = validateAgencyProfile(variant((p) => ((p.cluster = 'desa'), (p.zone = 'UTC'))));
    expect(issues).toEqual([
      {
        path: 'cluster',
        message: 'must be one of kementerian, lembaga, provinsi, kabupaten, kota, bumn, bumd, not "desa"',
      },
      { path: 'zone', message: 'must be one of WIB, WITA, WIT, not "UTC"' },
    ]);
  });

  it('tells how long a text is when it is out of bounds', () => {
    expect(validateAgencyProfile(variant((p) => (p.name = 'x'.repeat(201))))[0].message).toBe(
      'must be 3 to 200 characters long (it has 201)',
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', []],
    ['too many', Array.from({ length: 11 }, (_, i) => ({ name: `Kontak ${i}`, email: `k${i}@x.id` }))],
    ['not a list', { name: 'A', email: 'a@b.id' }],
  ])('refuses contacts that are %s', (_, contacts) => {
    expect(paths(variant((p) => (p.contacts = contacts)))).toEqual(['contacts']);
  });

  it.each([
    ['name', ''],
    ['name', 'x'.repeat(121)],
    ['email', 'humas'],
    ['email', 'humas@banyuwangi'],
    ['email', 'hu mas@banyuwangikab.go.id'],
    ['email', `${'a'.repeat(250)}@x.id`],
    ['email', undefined],
    ['phone', '12345'],
    ['phone', '0333-424172 ext. 5'],
    ['phone', 333424172],
    ['phone', null],
  ])('refuses a contact %s = %p at contacts[1].%s', (key, value) => {
    expect(paths(variant((p) => (p.contacts[1][key] = value)))).toEqual([`contacts[1].${key}`]);
  });

  it('refuses a contact that is not an object, naming its index', () => {
    expect(paths(variant((p) => (p.contacts[0] = 'humas@banyuwangikab.go.id')))).toEqual(['contacts[0]']);
  });

  it('refuses unknown fields, at the top and in contacts', () => {
    const profile = variant((p) => {
      p.website = 'https://banyuwangikab.go.id';
      p.contacts[0].role = 'kepala bagian';
    });
    expect(validateAgencyProfile(profile)).toEqual([
      { path: 'contacts[0].role', message: 'is not a known field; the fields are name, email, phone' },
      {
        path: 'website',
        message:
          'is not a known field; the fields are code, name, cluster, province, zone, contacts, language, region3T',
      },
    ]);
  });

  it('reports every problem at once', () => {
    expect(paths({ code: '', contacts: [{}] })).toEqual([
      'code',
      'name',
      'cluster',
      'province',
      'zone',
      'contacts[0].name',
      'contacts[0].email',
      'language',
    ]);
  });

  it.each([
    ['null', null],
    ['a list', [BANYUWANGI]],
    ['a string', 'kab-banyuwangi'],
    ['a number', 7],
    ['undefined', undefined],
  ])('refuses %s as a whole', (_, input) => {
    expect(paths(input)).toEqual(['(profile)']);
  });

  it.each([
    ['toString keys everywhere', '{"toString":1,"valueOf":2,"code":{"toString":1},"contacts":[{"toString":1}]}'],
    ['a __proto__ key', '{"__proto__":{"code":"kab-x"},"contacts":[{"__proto__":null,"email":{"valueOf":1}}]}'],
    ['lists instead of texts', '{"code":[],"name":[],"cluster":[],"zone":[],"contacts":[[],null,1],"language":[]}'],
    ['nested nulls', '{"code":null,"name":null,"contacts":[null],"language":null}'],
  ])('never throws on hostile JSON: %s', (_, json) => {
    const input: unknown = JSON.parse(json);
    expect(() => validateAgencyProfile(input)).not.toThrow();
    expect(validateAgencyProfile(input).length).toBeGreaterThan(0);
  });

  it('does not take fields from a prototype', () => {
    const inherited = Object.assign(Object.create(BANYUWANGI), {});
    expect(paths(inherited)).toContain('code');
  });
});
