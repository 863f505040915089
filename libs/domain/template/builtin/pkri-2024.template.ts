import type { CompetitionTemplate, Criterion } from '../competition-template';

const scale = { min: 0, max: 100 };

/** A majority of the Tim Panel Independen, which sits with about 12–15 members. */
const TPI_QUORUM = 8;

/** PermenPANRB 91/2021 names five criteria for public-service innovation. */
const PERMENPAN_91_2021: Criterion[] = [
  { key: 'kebaruan', name: 'Kebaruan', weight: 20, scale },
  { key: 'efektivitas', name: 'Efektivitas', weight: 20, scale },
  { key: 'kemanfaatan', name: 'Kemanfaatan', weight: 25, scale },
  { key: 'kemudahan-replikasi', name: 'Kemudahan Replikasi', weight: 15, scale },
  { key: 'keberlanjutan', name: 'Keberlanjutan', weight: 20, scale },
];

/**
 * PKRI 2024: monitoring whether earlier KIPP winners still run (keberlanjutan) and who copied them (replikasi),
 * plus the agencies' own innovation-building capacity (pembina). Dates as published by Kementerian PANRB.
 */
export const PKRI_2024: CompetitionTemplate = {
  key: 'pkri-2024',
  programme: 'pkri',
  year: 2024,
  name: 'Pemantauan Keberlanjutan dan Replikasi Inovasi Pelayanan Publik 2024',
  clusters: ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota', 'bumn', 'bumd'],
  groups: [
    { key: 'pembina', name: 'Pembina Inovasi', rubric: 'pembina' },
    { key: 'keberlanjutan', name: 'Keberlanjutan Inovasi', rubric: 'inovasi' },
    { key: 'replikasi', name: 'Replikasi Inovasi', rubric: 'inovasi', replication: true },
  ],
  rubrics: [
    { key: 'inovasi', name: 'Kriteria Inovasi (PermenPANRB 91/2021)', criteria: PERMENPAN_91_2021 },
    {
      key: 'pembina',
      name: 'Kapasitas Pembinaan Inovasi',
      criteria: [
        { key: 'kebijakan', name: 'Kebijakan dan Regulasi Pembinaan', weight: 25, scale },
        { key: 'kelembagaan', name: 'Kelembagaan dan Sumber Daya', weight: 25, scale },
        { key: 'pendampingan', name: 'Pendampingan dan Replikasi', weight: 25, scale },
        { key: 'pemantauan', name: 'Pemantauan dan Evaluasi', weight: 25, scale },
      ],
    },
  ],
  stages: [
    {
      key: 'pendaftaran',
      type: 'submission',
      name: 'Pengisian Formulir Penilaian Mandiri',
      window: { opens: '2024-04-29T00:00', closes: '2024-06-11T23:59', zone: 'WIB' },
    },
    {
      key: 'seleksi-administrasi',
      type: 'screening',
      name: 'Seleksi Administrasi',
      window: { opens: '2024-06-12T08:00', closes: '2024-06-18T17:00', zone: 'WIB' },
    },
    {
      key: 'evaluasi-desk',
      type: 'desk-evaluation',
      name: 'Evaluasi oleh Tim Penilai Independen',
      window: { opens: '2024-06-19T08:00', closes: '2024-07-02T23:59', zone: 'WIB' },
      params: { evaluatorsPerEntry: 2 },
    },
    {
      key: 'penetapan-finalis',
      type: 'selection',
      name: 'Penetapan dan Pengumuman Finalis',
      window: { opens: '2024-07-03T08:00', closes: '2024-07-04T17:00', zone: 'WIB' },
    },
    {
      key: 'wawancara',
      type: 'interview',
      name: 'Presentasi dan Wawancara',
      // The schedule is published a week ahead; 94 finalists then present over five days (12–16 Jul, weekend
      // included) to three panels sitting in parallel.
      window: { opens: '2024-07-05T09:00', closes: '2024-07-16T14:20', zone: 'WIB' },
      params: { noticeDays: 7, slotMinutes: 20, panels: 3, dayStart: '09:00', dayEnd: '14:20', confirmHoursBefore: 24 },
    },
    {
      key: 'sidang-pleno',
      type: 'plenary',
      name: 'Sidang Pleno Tim Penilai Independen',
      window: { opens: '2024-07-17T09:00', closes: '2024-07-19T17:00', zone: 'WIB' },
      params: { quorum: TPI_QUORUM },
    },
    {
      key: 'pengumuman',
      type: 'announcement',
      name: 'Pengumuman dan Penganugerahan',
      window: { opens: '2024-07-22T09:00', closes: '2024-07-31T17:00', zone: 'WIB' },
    },
  ],
};
