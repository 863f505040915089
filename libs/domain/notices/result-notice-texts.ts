import type { Language } from '../agency/agency-profile';
import { formatDecimal } from '../plenary/decimal';
import type { FinalistStatus } from '../plenary/plenary-rules';
import type { NoticeText } from './notice-texts';

/** The scores an agency is entitled to see: its own entry's, never another's. */
export interface OwnResult {
  status: FinalistStatus;
  /** Its place in its cluster and group, and how many were ranked there; null when it was not ranked. */
  rank: { rank: number; of: number; cluster: string; group: string } | null;
  scores: { desk: number | null; interview: number | null; fieldVerification: number | null; final: number | null };
}

const STATUS: Record<Language, Record<FinalistStatus, string>> = {
  id: { winner: 'PEMENANG', finalist: 'FINALIS', 'not-selected': 'TIDAK TERPILIH' },
  en: { winner: 'a WINNER', finalist: 'a FINALIST', 'not-selected': 'NOT SELECTED' },
};

const score = (language: Language, value: number | null) =>
  value === null ? '—' : formatDecimal(value, 2, language === 'id' ? ',' : '.');

function scoreLines(language: Language, result: OwnResult): string {
  const { scores } = result;
  const label =
    language === 'id'
      ? {
          desk: 'Nilai desk',
          interview: 'Nilai wawancara',
          fieldVerification: 'Nilai verifikasi lapangan',
          final: 'Nilai akhir',
        }
      : {
          desk: 'Desk score',
          interview: 'Interview score',
          fieldVerification: 'Field verification',
          final: 'Final score',
        };
  const lines = (['desk', 'interview', 'fieldVerification', 'final'] as const)
    .filter((key) => key !== 'fieldVerification' || scores.fieldVerification !== null)
    .map((key) => `${label[key]}: ${score(language, scores[key])}`);
  if (result.rank) {
    const { rank, of, cluster, group } = result.rank;
    lines.push(
      language === 'id'
        ? `Peringkat ${rank} dari ${of} pada kluster ${cluster}, kelompok ${group}`
        : `Rank ${rank} of ${of} in cluster ${cluster}, group ${group}`,
    );
  }
  return lines.join('\n');
}

/** The announcement: one entry's result in the decision in force, with its own scores. */
export function resultAnnouncedNotice(
  language: Language,
  facts: { cycleId: string; title: string; decisionNumber: string; resultsUrl: string; result: OwnResult | null },
): NoticeText {
  const { result } = facts;
  if (language === 'en') {
    if (!result) {
      return {
        subject: `${facts.cycleId}: results announced; "${facts.title}" was not selected`,
        body: `The results of ${facts.cycleId} were announced (decision ${facts.decisionNumber}). "${facts.title}" did not reach the plenary, so it was not selected. The public list: ${facts.resultsUrl}`,
      };
    }
    return {
      subject: `${facts.cycleId}: "${facts.title}" is ${STATUS.en[result.status]}`,
      body: `The plenary's decision ${facts.decisionNumber} was announced: "${facts.title}" is ${STATUS.en[result.status]}.\n${scoreLines('en', result)}\nThe public list: ${facts.resultsUrl}`,
    };
  }
  if (!result) {
    return {
      subject: `${facts.cycleId}: hasil diumumkan; "${facts.title}" tidak terpilih`,
      body: `Hasil ${facts.cycleId} telah diumumkan (keputusan nomor ${facts.decisionNumber}). Inovasi "${facts.title}" tidak sampai ke sidang pleno, sehingga tidak terpilih. Daftar hasil: ${facts.resultsUrl}`,
    };
  }
  return {
    subject: `${facts.cycleId}: "${facts.title}" ${STATUS.id[result.status]}`,
    body: `Keputusan sidang pleno nomor ${facts.decisionNumber} telah diumumkan: inovasi "${facts.title}" ${STATUS.id[result.status]}.\n${scoreLines('id', result)}\nDaftar hasil: ${facts.resultsUrl}`,
  };
}

/** A correction changed an entry's result: what it was, what it is, and why. */
export function resultCorrectedNotice(
  language: Language,
  facts: {
    cycleId: string;
    title: string;
    decisionNumber: string;
    supersedes: string;
    reason: string;
    from: FinalistStatus;
    result: OwnResult;
    resultsUrl: string;
  },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: result of "${facts.title}" corrected: now ${STATUS.en[facts.result.status]}`,
      body: `Decision ${facts.decisionNumber} corrects decision ${facts.supersedes}: "${facts.title}" was ${STATUS.en[facts.from]} and is now ${STATUS.en[facts.result.status]}. Reason: ${facts.reason}\n${scoreLines('en', facts.result)}\nThe public list: ${facts.resultsUrl}`,
    };
  }
  return {
    subject: `${facts.cycleId}: koreksi hasil "${facts.title}": kini ${STATUS.id[facts.result.status]}`,
    body: `Keputusan nomor ${facts.decisionNumber} mengoreksi keputusan nomor ${facts.supersedes}: inovasi "${facts.title}" semula ${STATUS.id[facts.from]}, kini ${STATUS.id[facts.result.status]}. Alasan: ${facts.reason}\n${scoreLines('id', facts.result)}\nDaftar hasil: ${facts.resultsUrl}`,
  };
}
