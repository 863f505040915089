import { section } from './dictionary';

/** A panelist's interview pages. */
export const interviewText = section({
  id: {
    panelInterviews: {
      nav: 'Wawancara',
      title: 'Jadwal wawancara saya',
      intro:
        'Wawancara di panel Anda pada tahap wawancara yang sedang dibuka, yang paling awal di atas. Waktu ditampilkan dalam zona Anda, dengan waktu setempat instansi di sampingnya.',
      none: 'Saat ini tidak ada wawancara di panel Anda.',
      when: 'Waktu (zona Anda)',
      agencyTime: 'Waktu setempat instansi',
      innovation: 'Inovasi',
      panel: 'Panel dan tautan rapat',
      join: 'Buka rapat {{panel}}',
      attendance: 'Kehadiran',
      attendances: { present: 'Hadir', absent: 'Tidak hadir', 'no-show': 'Tidak muncul' },
      notYet: 'Belum dicatat',
      record: 'Catat kehadiran',
      recordFor: 'Kehadiran {{title}}',
      recorded: 'Kehadiran dicatat: {{attendance}}.',
      sheet: 'Lembar nilai',
      sheetFor: 'Lembar nilai wawancara: {{title}}',
      scoredAt: 'Dinilai',
      unscored: 'Belum dinilai',
      score: 'Nilai',
      save: 'Simpan nilai',
      saved: 'Nilai wawancara disimpan (versi {{version}}, nilai tertimbang {{weighted}}).',
    },
  },
  en: {
    panelInterviews: {
      nav: 'Interviews',
      title: 'My interview schedule',
      intro:
        'Interviews on your panels in the interview stages now open, earliest first. Times are in your zone, with the agency’s local time beside them.',
      none: 'There are no interviews on your panels now.',
      when: 'Time (your zone)',
      agencyTime: 'Agency’s local time',
      innovation: 'Innovation',
      panel: 'Panel and meeting link',
      join: 'Open the {{panel}} meeting',
      attendance: 'Attendance',
      attendances: { present: 'Present', absent: 'Absent', 'no-show': 'No-show' },
      notYet: 'Not recorded',
      record: 'Record attendance',
      recordFor: 'Attendance of {{title}}',
      recorded: 'Attendance recorded: {{attendance}}.',
      sheet: 'Score sheet',
      sheetFor: 'Interview score sheet: {{title}}',
      scoredAt: 'Scored',
      unscored: 'Not scored',
      score: 'Score',
      save: 'Save scores',
      saved: 'Interview scores saved (version {{version}}, weighted {{weighted}}).',
    },
  },
});
