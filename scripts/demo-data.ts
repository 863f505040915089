import type { Cluster, Zone } from '../libs/domain';

/** The agencies and innovations of the news report on PKRI 2024's last interview day (shared/seed-article.txt). */
export const DEMO_AGENCIES: { code: string; name: string; cluster: Cluster; province: string; zone: Zone }[] = [
  {
    code: 'kab-banyuwangi',
    name: 'Pemerintah Kabupaten Banyuwangi',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  {
    code: 'prov-jawa-timur',
    name: 'Pemerintah Provinsi Jawa Timur',
    cluster: 'provinsi',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  { code: 'kota-padang', name: 'Pemerintah Kota Padang', cluster: 'kota', province: 'Sumatera Barat', zone: 'WIB' },
  {
    code: 'kemendesa-pdtt',
    name: 'Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi',
    cluster: 'kementerian',
    province: 'DKI Jakarta',
    zone: 'WIB',
  },
  {
    code: 'kab-bojonegoro',
    name: 'Pemerintah Kabupaten Bojonegoro',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  {
    code: 'kab-lamongan',
    name: 'Pemerintah Kabupaten Lamongan',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  },
  { code: 'kota-palopo', name: 'Pemerintah Kota Palopo', cluster: 'kota', province: 'Sulawesi Selatan', zone: 'WITA' },
  {
    code: 'kab-solok',
    name: 'Pemerintah Kabupaten Solok',
    cluster: 'kabupaten',
    province: 'Sumatera Barat',
    zone: 'WIB',
  },
  {
    code: 'kab-solok-selatan',
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

export const DEMO_ENTRIES: { agencyCode: string; title: string; summary: string; group: string }[] = [
  { agencyCode: 'kab-banyuwangi', title: 'Siswa Asuh Sebaya (SAS)', summary: SAS, group: 'keberlanjutan' },
  { agencyCode: 'prov-jawa-timur', title: 'Klinik BUM Desa', summary: KLINIK, group: 'keberlanjutan' },
  {
    agencyCode: 'kota-padang',
    title: 'Ayo Ceting (Cegah Stunting)',
    summary: `${CETING} Di 24 puskesmas.`,
    group: 'keberlanjutan',
  },
  { agencyCode: 'kemendesa-pdtt', title: 'Klinik BUM Desa', summary: `Replikasi. ${KLINIK}`, group: 'replikasi' },
  { agencyCode: 'kab-bojonegoro', title: 'Klinik BUM Desa', summary: `Replikasi. ${KLINIK}`, group: 'replikasi' },
  { agencyCode: 'kab-lamongan', title: 'Klinik BUM Desa', summary: `Replikasi. ${KLINIK}`, group: 'replikasi' },
  { agencyCode: 'kota-palopo', title: 'Ayo Ceting', summary: `Replikasi. ${CETING}`, group: 'replikasi' },
  { agencyCode: 'kab-solok', title: 'Ayo Ceting', summary: `Replikasi. ${CETING}`, group: 'replikasi' },
  { agencyCode: 'kab-solok-selatan', title: 'Ayo Ceting', summary: `Replikasi. ${CETING}`, group: 'replikasi' },
];
