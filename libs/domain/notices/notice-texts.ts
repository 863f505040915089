import type { Language } from '../agency/agency-profile';

export interface NoticeText {
  subject: string;
  body: string;
}

/** A stage's deadline moved. `closesAtLocal` is already in the agency's zone, with the zone's name. */
export function deadlineExtendedNotice(
  language: Language,
  facts: { cycleId: string; stageName: string; closesAtLocal: string; reason: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: "${facts.stageName}" extended to ${facts.closesAtLocal}`,
      body: `The deadline of "${facts.stageName}" in ${facts.cycleId} is now ${facts.closesAtLocal}. Reason: ${facts.reason}`,
    };
  }
  return {
    subject: `${facts.cycleId}: batas waktu "${facts.stageName}" diperpanjang hingga ${facts.closesAtLocal}`,
    body: `Batas waktu tahap "${facts.stageName}" pada ${facts.cycleId} diperpanjang hingga ${facts.closesAtLocal}. Alasan: ${facts.reason}`,
  };
}

/** A reminder that drafts are still not submitted, the deadline in the agency's zone. */
export function draftReminderNotice(
  language: Language,
  facts: { cycleId: string; titles: string[]; closesAtLocal: string },
): NoticeText {
  const list = facts.titles.map((title) => `- ${title}`).join('\n');
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: ${facts.titles.length} draft(s) not submitted; registration closes ${facts.closesAtLocal}`,
      body: `These drafts of your agency are not submitted yet. Only a submitted draft takes part; registration closes ${facts.closesAtLocal}.\n${list}`,
    };
  }
  return {
    subject: `${facts.cycleId}: ${facts.titles.length} draf belum dikirim; pendaftaran ditutup ${facts.closesAtLocal}`,
    body: `Draf instansi Anda berikut belum dikirim. Hanya draf yang sudah dikirim yang ikut kompetisi; pendaftaran ditutup ${facts.closesAtLocal}.\n${list}`,
  };
}

/** The screening outcome of one entry, with the reason the agency is entitled to read. */
export function screeningOutcomeNotice(
  language: Language,
  facts: { cycleId: string; title: string; passed: boolean; reason: string },
): NoticeText {
  if (language === 'en') {
    const outcome = facts.passed ? 'passed' : 'did not pass';
    return {
      subject: `${facts.cycleId}: "${facts.title}" ${outcome} administrative screening`,
      body: `"${facts.title}" ${outcome} administrative screening. Reason: ${facts.reason}`,
    };
  }
  const outcome = facts.passed ? 'lolos' : 'tidak lolos';
  return {
    subject: `${facts.cycleId}: "${facts.title}" ${outcome} seleksi administrasi`,
    body: `Inovasi "${facts.title}" ${outcome} seleksi administrasi. Alasan: ${facts.reason}`,
  };
}
