import type { Language } from '../agency/agency-profile';
import type { NoticeText } from './notice-texts';

/** Instants arrive already formatted in the reader's zone, with the zone's name. */
interface SlotFacts {
  cycleId: string;
  title: string;
  /** e.g. `15 Jul 2024 10:20 WIT`. */
  startsAtLocal: string;
  panelName: string;
  meetingUrl: string;
  /** The last moment to confirm or move, in the reader's zone. */
  cutOffLocal: string;
}

const link = (url: string, language: Language) =>
  url ? url : language === 'en' ? 'the meeting link will follow' : 'tautan rapat akan dikirim kemudian';

/** The first invitation, a moved slot, or a slot booked by the secretariat: the attached calendar replaces any earlier one. */
export function interviewInvitationNotice(
  language: Language,
  facts: SlotFacts & {
    change: 'invited' | 'moved' | 'booked';
    confirmed: boolean;
    /** The agency moved the booking itself: its move confirmed the slot it chose. */
    chosenByAgency?: boolean;
  },
): NoticeText {
  if (language === 'en') {
    const what = {
      invited: 'Your interview slot',
      moved: 'Your interview has moved',
      booked: 'An interview slot was booked for you',
    }[facts.change];
    const confirm = !facts.confirmed
      ? `Please confirm it by ${facts.cutOffLocal}; until then you may also ask for another free slot.`
      : facts.chosenByAgency
        ? 'You chose this slot when you moved the interview, and the move confirmed it: there is nothing more to confirm.'
        : 'The slot is confirmed.';
    return {
      subject: `${facts.cycleId}: interview for "${facts.title}" on ${facts.startsAtLocal}`,
      body: `${what}: "${facts.title}" presents to ${facts.panelName} on ${facts.startsAtLocal} (${link(facts.meetingUrl, language)}). ${confirm} The attached calendar file updates the event in your calendar.`,
    };
  }
  const what = {
    invited: 'Jadwal presentasi dan wawancara Anda',
    moved: 'Jadwal wawancara Anda telah dipindahkan',
    booked: 'Sekretariat menetapkan jadwal wawancara Anda',
  }[facts.change];
  const confirm = !facts.confirmed
    ? `Mohon konfirmasi paling lambat ${facts.cutOffLocal}; sampai saat itu Anda juga dapat meminta slot lain yang masih kosong.`
    : facts.chosenByAgency
      ? 'Anda sendiri memilih slot ini saat memindahkan jadwal, dan pemindahan itu sekaligus menjadi konfirmasi: tidak perlu konfirmasi lagi.'
      : 'Jadwal ini sudah dikonfirmasi.';
  return {
    subject: `${facts.cycleId}: wawancara "${facts.title}" pada ${facts.startsAtLocal}`,
    body: `${what}: "${facts.title}" dipresentasikan di hadapan ${facts.panelName} pada ${facts.startsAtLocal} (${link(facts.meetingUrl, language)}). ${confirm} Berkas kalender terlampir memperbarui acara di kalender Anda.`,
  };
}

export function interviewReleasedNotice(
  language: Language,
  facts: { cycleId: string; title: string; startsAtLocal: string; reason: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: interview slot of "${facts.title}" released`,
      body: `The slot on ${facts.startsAtLocal} for "${facts.title}" was released: ${facts.reason} The attached calendar file removes the event. You may ask for another free slot.`,
    };
  }
  return {
    subject: `${facts.cycleId}: slot wawancara "${facts.title}" dilepas`,
    body: `Slot pada ${facts.startsAtLocal} untuk "${facts.title}" dilepas: ${facts.reason} Berkas kalender terlampir menghapus acara tersebut. Anda dapat meminta slot lain yang masih kosong.`,
  };
}

export function interviewConfirmReminderNotice(language: Language, facts: SlotFacts): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: please confirm the interview of "${facts.title}" by ${facts.cutOffLocal}`,
      body: `"${facts.title}" is scheduled before ${facts.panelName} on ${facts.startsAtLocal}, not yet confirmed. Confirm it (or ask for another slot) by ${facts.cutOffLocal}.`,
    };
  }
  return {
    subject: `${facts.cycleId}: mohon konfirmasi wawancara "${facts.title}" sebelum ${facts.cutOffLocal}`,
    body: `"${facts.title}" dijadwalkan di hadapan ${facts.panelName} pada ${facts.startsAtLocal} dan belum dikonfirmasi. Konfirmasi (atau minta slot lain) paling lambat ${facts.cutOffLocal}.`,
  };
}

export function interviewReminderNotice(language: Language, facts: SlotFacts & { hoursBefore: number }): NoticeText {
  const soon =
    language === 'en'
      ? facts.hoursBefore >= 24
        ? `in ${facts.hoursBefore / 24 === 1 ? 'one day' : `${facts.hoursBefore / 24} days`}`
        : `in ${facts.hoursBefore === 1 ? 'one hour' : `${facts.hoursBefore} hours`}`
      : facts.hoursBefore >= 24
        ? `${facts.hoursBefore / 24} hari lagi`
        : `${facts.hoursBefore} jam lagi`;
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: interview of "${facts.title}" ${soon}, ${facts.startsAtLocal}`,
      body: `Reminder: "${facts.title}" presents to ${facts.panelName} on ${facts.startsAtLocal} (${link(facts.meetingUrl, language)}).`,
    };
  }
  return {
    subject: `${facts.cycleId}: wawancara "${facts.title}" ${soon}, ${facts.startsAtLocal}`,
    body: `Pengingat: "${facts.title}" dipresentasikan di hadapan ${facts.panelName} pada ${facts.startsAtLocal} (${link(facts.meetingUrl, language)}).`,
  };
}

export function interviewNoShowNotice(
  language: Language,
  facts: { cycleId: string; title: string; startsAtLocal: string; graceMinutes: number; eliminates: boolean },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: "${facts.title}" did not attend its interview`,
      body: `Nobody attended the interview of "${facts.title}" on ${facts.startsAtLocal} within ${facts.graceMinutes} minutes of its start; this is recorded as a no-show. ${facts.eliminates ? 'Under the competition rules the entry does not continue.' : 'The entry continues without an interview score.'}`,
    };
  }
  return {
    subject: `${facts.cycleId}: "${facts.title}" tidak hadir pada wawancara`,
    body: `Tidak ada yang hadir pada wawancara "${facts.title}" pada ${facts.startsAtLocal} hingga ${facts.graceMinutes} menit setelah dimulai; dicatat sebagai tidak hadir. ${facts.eliminates ? 'Sesuai ketentuan kompetisi, inovasi ini tidak dilanjutkan.' : 'Inovasi tetap dilanjutkan tanpa nilai wawancara.'}`,
  };
}

export function panelScheduleNotice(
  language: Language,
  facts: { cycleId: string; panelName: string; interviews: number; firstLocal: string; meetingUrl: string },
): NoticeText {
  if (language === 'en') {
    return {
      subject: `${facts.cycleId}: ${facts.interviews} interviews for ${facts.panelName}, from ${facts.firstLocal}`,
      body: `You sit on ${facts.panelName}: ${facts.interviews} interviews, the first on ${facts.firstLocal} (${link(facts.meetingUrl, language)}). Record attendance and scores in Tahap after each session.`,
    };
  }
  return {
    subject: `${facts.cycleId}: ${facts.interviews} wawancara untuk ${facts.panelName}, mulai ${facts.firstLocal}`,
    body: `Anda duduk di ${facts.panelName}: ${facts.interviews} wawancara, yang pertama pada ${facts.firstLocal} (${link(facts.meetingUrl, language)}). Catat kehadiran dan nilai di Tahap setelah setiap sesi.`,
  };
}
