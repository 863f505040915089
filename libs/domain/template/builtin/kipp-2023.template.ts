import type { CompetitionTemplate } from '../competition-template';

const scale = { min: 0, max: 100 };

/** A majority of the Tim Panel Independen, which sits with about 12–15 members. */
const TPI_QUORUM = 8;

/**
 * KIPP 2023, in the 2019–2023 shape of the competition. The umum weights are the published 2023 ones; only those
 * were published, so replikasi and khusus are scored with the same rubric. The dates are illustrative: they follow
 * the published shape (deadline 16 April 12:00 WIB as in 2022, ~10 days of screening, 5 days of uji publik,
 * 13 working days of interviews, award by the end of July).
 */
export const KIPP_2023: CompetitionTemplate = {
  key: 'kipp-2023',
  programme: 'kipp',
  year: 2023,
  name: 'Kompetisi Inovasi Pelayanan Publik 2023',
  clusters: ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota', 'bumn', 'bumd'],
  groups: [
    { key: 'umum', name: 'Kelompok Umum', rubric: 'umum' },
    { key: 'replikasi', name: 'Kelompok Replikasi', rubric: 'umum', replication: true },
    { key: 'khusus', name: 'Kelompok Khusus', rubric: 'umum' },
  ],
  rubrics: [
    {
      key: 'umum',
      name: 'Kriteria Penilaian Kelompok Umum 2023',
      criteria: [
        { key: 'ringkasan', name: 'Ringkasan', weight: 0, scale },
        { key: 'latar-belakang-tujuan', name: 'Latar Belakang dan Tujuan', weight: 10, scale },
        { key: 'kebaruan', name: 'Kebaruan', weight: 15, scale },
        { key: 'implementasi', name: 'Implementasi Inovasi', weight: 5, scale },
        { key: 'signifikansi', name: 'Signifikansi', weight: 30, scale },
        { key: 'adaptabilitas', name: 'Adaptabilitas', weight: 20, scale },
        { key: 'sumber-daya', name: 'Sumber Daya', weight: 5, scale },
        { key: 'strategi-keberlanjutan', name: 'Strategi Keberlanjutan', weight: 15, scale },
      ],
    },
  ],
  stages: [
    {
      key: 'pendaftaran',
      type: 'submission',
      name: 'Pendaftaran Proposal di SINOVIK',
      window: { opens: '2023-02-01T00:00', closes: '2023-04-16T12:00', zone: 'WIB' },
      // Eligibility across years (the innovation's earlier entries, named by continuesEntryId): an innovation already
      // among an earlier year's Top 45 (winners) is not taken back; one that reached the Top 99 (the plenary's final
      // list) may be entered again after once, not after twice. Check against the year's pedoman for a new year.
      params: { minInnovationAgeYears: 2, refuseEarlierTopTierWinners: true, maxEarlierFinalistTimes: 1 },
    },
    {
      key: 'seleksi-administrasi',
      type: 'screening',
      name: 'Seleksi Administrasi',
      window: { opens: '2023-04-17T08:00', closes: '2023-04-28T17:00', zone: 'WIB' },
    },
    {
      key: 'evaluasi-proposal',
      type: 'desk-evaluation',
      name: 'Evaluasi Proposal oleh Tim Evaluasi',
      window: { opens: '2023-05-02T08:00', closes: '2023-05-19T23:59', zone: 'WIB' },
      params: { evaluatorsPerEntry: 2 },
    },
    {
      key: 'penetapan-nominasi',
      type: 'selection',
      name: 'Sidang Pleno TPI Penetapan Nominasi',
      window: { opens: '2023-05-22T08:00', closes: '2023-05-26T17:00', zone: 'WIB' },
    },
    {
      key: 'uji-publik',
      type: 'objection',
      name: 'Uji Publik',
      window: { opens: '2023-05-29T00:00', closes: '2023-06-02T23:59', zone: 'WIB' },
    },
    {
      key: 'wawancara',
      type: 'interview',
      name: 'Presentasi dan Wawancara',
      window: { opens: '2023-06-05T09:00', closes: '2023-06-21T14:20', zone: 'WIB' },
      params: { slotMinutes: 20, panels: 3, dayStart: '09:00', dayEnd: '14:20', workingDaysOnly: true },
    },
    {
      key: 'verifikasi-lapangan',
      type: 'field-verification',
      name: 'Verifikasi Lapangan',
      window: { opens: '2023-06-26T08:00', closes: '2023-07-07T17:00', zone: 'WIB' },
    },
    {
      key: 'sidang-pleno',
      type: 'plenary',
      name: 'Sidang Pleno Penetapan Top 45 / Top 99',
      window: { opens: '2023-07-10T09:00', closes: '2023-07-14T17:00', zone: 'WIB' },
      params: { quorum: TPI_QUORUM, topN: 45 },
    },
    {
      key: 'pengumuman',
      type: 'announcement',
      name: 'Keputusan Menteri dan Penganugerahan',
      window: { opens: '2023-07-17T09:00', closes: '2023-07-31T17:00', zone: 'WIB' },
    },
  ],
};
