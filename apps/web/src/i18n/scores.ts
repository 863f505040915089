import { section } from './dictionary';

/** An innovation's scores on its page: the means per stage the template lets the agency see. */
export const scoresText = section({
  id: {
    entryScores: {
      title: 'Nilai',
      intro:
        'Rata-rata nilai dari para penilai pada tahap yang telah ditutup. Nama penilai dan catatannya tidak ditampilkan.',
      criterion: 'Kriteria',
      mean: 'Rata-rata',
      weighted: 'Nilai tertimbang (0–100)',
      sheets_one: 'Dari {{count}} lembar penilaian',
      sheets_other: 'Dari {{count}} lembar penilaian',
    },
  },
  en: {
    entryScores: {
      title: 'Scores',
      intro:
        "The mean of the evaluators' scores in stages that have closed. Evaluators' names and notes are not shown.",
      criterion: 'Criterion',
      mean: 'Mean',
      weighted: 'Weighted score (0–100)',
      sheets_one: 'From {{count}} score sheet',
      sheets_other: 'From {{count}} score sheets',
    },
  },
});
