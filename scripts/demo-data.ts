import type { Cluster, Zone } from '../libs/domain';

/** The agencies and innovations of the news report on PKRI 2024's last interview day (shared/seed-article.txt). */
interface DemoAgency {
  code: string;
  name: string;
  cluster: Cluster;
  province: string;
  zone: Zone;
  contacts?: { name: string; email: string }[];
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'kab-banyuwangi',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kab-banyuwangi.example.go.id' }],
    name: 'Pemerintah Kabupaten Banyuwangi',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  {
    code: 'prov-jawa-timur',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@prov-jawa-timur.example.go.id' }],
    name: 'Pemerintah Provinsi Jawa Timur',
    cluster: 'provinsi',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  {
    code: 'kota-padang',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kota-padang.example.go.id' }],
    name: 'Pemerintah Kota Padang',
    cluster: 'kota',
    province: 'Sumatera Barat',
    zone: 'WIB',
  },
  {
    code: 'kemendesa-pdtt',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kemendesa-pdtt.example.go.id' }],
    name: 'Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi',
    cluster: 'kementerian',
    province: 'DKI Jakarta',
    zone: 'WIB',
  },
  {
    code: 'kab-bojonegoro',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kab-bojonegoro.example.go.id' }],
    name: 'Pemerintah Kabupaten Bojonegoro',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  {
    code: 'kab-lamongan',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kab-lamongan.example.go.id' }],
    name: 'Pemerintah Kabupaten Lamongan',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  {
    code: 'kota-palopo',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kota-palopo.example.go.id' }],
    name: 'Pemerintah Kota Palopo',
    cluster: 'kota',
    province: 'Sulawesi Selatan',
    zone: 'WITA',
  },
  {
    code: 'kab-solok',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kab-solok.example.go.id' }],
    name: 'Pemerintah Kabupaten Solok',
    cluster: 'kabupaten',
    province: 'Sumatera Barat',
    zone: 'WIB',
  },
  {
    code: 'kab-solok-selatan',
    contacts: [{ name: 'Admin Inovasi', email: 'inovasi@kab-solok-selatan.example.go.id' }],
    name: 'Pemerintah Kabupaten Solok Selatan',
    cluster: 'kabupaten',
    province: 'Sumatera Barat',
    zone: 'WIB',
  },
];

const SAS =
  'Siswa yang mampu secara ekonomi membantu biaya pendidikan teman satu sekolah yang kurang mampu; sejak 2011.';
const KLINIK =
  'Pendampingan, pelatihan dan saran kepada BUM Desa agar sehat, berkembang dan menggerakkan ekonomi desa.';
const CETING = 'Cegah stunting: grup WhatsApp ibu hamil, Rumah Gizi swadaya masyarakat, dan aplikasi edukasi gizi.';

const EVIDENCE = 'https://sinovik.menpan.go.id/';
const since = (launchDate: string) => ({ launchDate, evidenceLinks: [EVIDENCE] });
const copyOf = (original: string, launchDate: string) => ({
  group: 'replikasi',
  replicates: original,
  ...since(launchDate),
});

export interface DemoEntry {
  agencyCode: string;
  title: string;
  summary: string;
  group: string;
  launchDate: string;
  evidenceLinks: string[];
  /** For a replication: the agency code of the original innovation with the same title. */
  replicates?: string;
}

export const DEMO_ENTRIES: DemoEntry[] = [
  {
    agencyCode: 'kab-banyuwangi',
    title: 'Siswa Asuh Sebaya (SAS)',
    summary: SAS,
    group: 'keberlanjutan',
    ...since('2011-07-18'),
  },
  {
    agencyCode: 'prov-jawa-timur',
    title: 'Klinik BUM Desa',
    summary: KLINIK,
    group: 'keberlanjutan',
    ...since('2019-03-01'),
  },
  {
    agencyCode: 'kota-padang',
    title: 'Ayo Ceting (Cegah Stunting)',
    summary: `${CETING} Di 24 puskesmas.`,
    group: 'keberlanjutan',
    ...since('2020-08-01'),
  },
  {
    ...copyOf('prov-jawa-timur', '2021-06-01'),
    agencyCode: 'kemendesa-pdtt',
    title: 'Klinik BUM Desa',
    summary: `Replikasi. ${KLINIK}`,
  },
  {
    ...copyOf('prov-jawa-timur', '2021-06-01'),
    agencyCode: 'kab-bojonegoro',
    title: 'Klinik BUM Desa',
    summary: `Replikasi. ${KLINIK}`,
  },
  {
    ...copyOf('prov-jawa-timur', '2021-06-01'),
    agencyCode: 'kab-lamongan',
    title: 'Klinik BUM Desa',
    summary: `Replikasi. ${KLINIK}`,
  },
  {
    ...copyOf('kota-padang', '2022-01-10'),
    agencyCode: 'kota-palopo',
    title: 'Ayo Ceting',
    summary: `Replikasi. ${CETING}`,
  },
  {
    ...copyOf('kota-padang', '2022-01-10'),
    agencyCode: 'kab-solok',
    title: 'Ayo Ceting',
    summary: `Replikasi. ${CETING}`,
  },
  {
    ...copyOf('kota-padang', '2022-01-10'),
    agencyCode: 'kab-solok-selatan',
    title: 'Ayo Ceting',
    summary: `Replikasi. ${CETING}`,
  },
];
