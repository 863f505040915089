import type { Language } from '../agency/agency-profile';
import type { NoticeText } from './notice-texts';

/** Instants arrive already formatted in the reader's zone, with the zone's name. */

export function evaluatorInvitedNotice(
  language: Language,
  facts: { cycleId: string; affiliations: string[] },
): NoticeText {
  const declared = facts.affiliations.join(', ');
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: you are invited as an evaluator`,
      body: `You are an evaluator in ${facts.cycleId}. Affiliations you declared: ${declared}. You will never be given entries of these agencies; if you find another conflict of interest, declare it on the entry and it will be reassigned.`,
    };
  }
  return {
    subject: `${facts.cycleId}: Anda diundang sebagai evaluator`,
    body: `Anda terdaftar sebagai evaluator pada ${facts.cycleId}. Afiliasi yang Anda nyatakan: ${declared}. Anda tidak akan mendapat inovasi dari instansi tersebut; bila menemukan konflik kepentingan lain, nyatakan pada inovasi itu agar dialihkan.`,
  };
}

export function deskAssignedNotice(
  language: Language,
  facts: { cycleId: string; stageName: string; entries: number; closesAtLocal: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: ${facts.entries} entries to score by ${facts.closesAtLocal}`,
      body: `"${facts.stageName}" has opened: ${facts.entries} entries are assigned to you. Scores are due by ${facts.closesAtLocal}; you may revise them until then.`,
    };
  }
  return {
    subject: `${facts.cycleId}: ${facts.entries} inovasi untuk dinilai sebelum ${facts.closesAtLocal}`,
    body: `Tahap "${facts.stageName}" telah dibuka: ${facts.entries} inovasi ditugaskan kepada Anda. Nilai diserahkan paling lambat ${facts.closesAtLocal} dan dapat diperbaiki hingga saat itu.`,
  };
}

export function deskReminderNotice(
  language: Language,
  facts: { cycleId: string; stageName: string; missing: number; closesAtLocal: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: ${facts.missing} scores still missing, due ${facts.closesAtLocal}`,
      body: `Reminder for "${facts.stageName}": ${facts.missing} of your entries have no score yet. The deadline is ${facts.closesAtLocal}.`,
    };
  }
  return {
    subject: `${facts.cycleId}: ${facts.missing} penilaian belum diisi, batas ${facts.closesAtLocal}`,
    body: `Pengingat "${facts.stageName}": ${facts.missing} inovasi yang ditugaskan kepada Anda belum dinilai. Batas waktunya ${facts.closesAtLocal}.`,
  };
}

export function objectionResolvedNotice(
  language: Language,
  facts: { cycleId: string; title: string; upheld: boolean; reason: string; audience: 'objector' | 'agency' },
): NoticeText {
  if (language === 'en') {
    const outcome = facts.upheld ? 'upheld: the entry leaves the nominee list' : 'dismissed: the entry stays a nominee';
    return {
      subject: `${facts.cycleId}: objection to "${facts.title}" ${facts.upheld ? 'upheld' : 'dismissed'}`,
      body: `${facts.audience === 'objector' ? 'Your objection' : 'The objection'} to "${facts.title}" was ${outcome}. Reason: ${facts.reason}`,
    };
  }
  const outcome = facts.upheld
    ? 'diterima: inovasi keluar dari daftar nominasi'
    : 'ditolak: inovasi tetap menjadi nominasi';
  return {
    subject: `${facts.cycleId}: sanggahan atas "${facts.title}" ${facts.upheld ? 'diterima' : 'ditolak'}`,
    body: `${facts.audience === 'objector' ? 'Sanggahan Anda' : 'Sanggahan'} atas "${facts.title}" ${outcome}. Alasan: ${facts.reason}`,
  };
}

export function nominationGainedNotice(language: Language, facts: { cycleId: string; title: string }): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: "${facts.title}" is now a nominee`,
      body: `After an upheld objection against another entry, "${facts.title}" is next in rank and joins the nominee list.`,
    };
  }
  return {
    subject: `${facts.cycleId}: "${facts.title}" kini masuk daftar nominasi`,
    body: `Setelah sanggahan atas inovasi lain diterima, "${facts.title}" berada di peringkat berikutnya dan masuk daftar nominasi.`,
  };
}

export function nominationLostNotice(
  language: Language,
  facts: { cycleId: string; title: string; explanation: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: "${facts.title}" is no longer a nominee`,
      body: `After an upheld objection against another entry the nominee list was drawn up again, and "${facts.title}" is no longer on it. Why: ${facts.explanation}`,
    };
  }
  return {
    subject: `${facts.cycleId}: "${facts.title}" tidak lagi masuk daftar nominasi`,
    body: `Setelah sanggahan atas inovasi lain diterima, daftar nominasi disusun ulang dan "${facts.title}" tidak lagi termasuk. Penjelasan: ${facts.explanation}`,
  };
}

export function deskReassignedNotice(
  language: Language,
  facts: { cycleId: string; title: string; dueLocal: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: "${facts.title}" is now assigned to you`,
      body: `The entry "${facts.title}" was reassigned to you for desk evaluation. Your score is due by ${facts.dueLocal}.`,
    };
  }
  return {
    subject: `${facts.cycleId}: "${facts.title}" kini ditugaskan kepada Anda`,
    body: `Inovasi "${facts.title}" dialihkan kepada Anda untuk evaluasi. Nilai Anda ditunggu paling lambat ${facts.dueLocal}.`,
  };
}

export function objectionUnresolvedNotice(language: Language, facts: { cycleId: string; title: string }): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: your objection to "${facts.title}" was not decided`,
      body: `The objection window closed before an admin decided on your objection to "${facts.title}". It stays on record with the cycle.`,
    };
  }
  return {
    subject: `${facts.cycleId}: sanggahan Anda atas "${facts.title}" tidak sempat diputuskan`,
    body: `Masa sanggah berakhir sebelum sanggahan Anda atas "${facts.title}" diputuskan. Sanggahan tetap tercatat pada siklus ini.`,
  };
}

/** To whoever filed an objection: it counts only once they open the link, which proves the address is theirs. */
export function objectionConfirmationNotice(
  language: Language,
  facts: { cycleId: string; title: string; link: string; closesAtLocal: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: confirm your objection to "${facts.title}"`,
      body: `An objection to "${facts.title}" was filed with this e-mail address. It counts once you confirm it, before the objection window closes on ${facts.closesAtLocal}: ${facts.link} . If you did not file it, ignore this message and nothing will be counted.`,
    };
  }
  return {
    subject: `${facts.cycleId}: konfirmasi sanggahan Anda atas "${facts.title}"`,
    body: `Sanggahan atas "${facts.title}" diajukan dengan alamat surel ini. Sanggahan baru dihitung setelah Anda mengonfirmasinya, sebelum masa sanggah berakhir pada ${facts.closesAtLocal}: ${facts.link} . Bila Anda tidak mengajukannya, abaikan pesan ini dan tidak ada yang dihitung.`,
  };
}
