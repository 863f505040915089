import type { Language } from '../agency/agency-profile';
import type { FieldVisitMode } from '../field-verification/plan-visits';
import { monthName, type Zone } from '../time-zone';
import type { NoticeText } from './notice-texts';

/**
 * A visit's day as a person reads it, with the zone it is a day in (the stage's): `16 Jul 2099 (WIB)`. A day, not
 * an instant, so it is not converted: in Jayapura the visit is on the same calendar day.
 */
export function formatDayInZone(day: string, zone: Zone): string {
  const [year, month, date] = day.split('-');
  return `${+date} ${monthName(+month, 'id', 'short')} ${year} (${zone})`;
}

/**
 * A visit was planned. `dayLocal` already names its zone; `recordByLocal` (when the outcome is due: the stage's
 * close) is in the reader's zone, with the zone's name.
 */
export function fieldVisitPlannedNotice(
  language: Language,
  facts: {
    cycleId: string;
    title: string;
    agencyName: string;
    dayLocal: string;
    mode: FieldVisitMode;
    panelistName: string;
    evaluatorName: string;
    recordByLocal: string;
    /** The agency whose innovation is visited, or one of the two visitors. */
    audience: 'agency' | 'panelist' | 'evaluator';
  },
): NoticeText {
  if (language === 'en') {
    const how = facts.mode === 'on-site' ? 'on site' : 'virtually';
    const visitors = `${facts.panelistName} (independent panel, TPI) and ${facts.evaluatorName} (evaluation team, TE)`;
    if (facts.audience === 'agency') {
      return {
        subject: `${facts.cycleId}: field verification of "${facts.title}" on ${facts.dayLocal}`,
        body: `"${facts.title}" will be verified ${how} on ${facts.dayLocal} by ${visitors}. Please have the evidence of the innovation in operation and a contact person ready that day.`,
      };
    }
    const other = facts.audience === 'panelist' ? facts.evaluatorName : facts.panelistName;
    return {
      subject: `${facts.cycleId}: you will verify "${facts.title}" on ${facts.dayLocal}`,
      body: `You are assigned to verify "${facts.title}" (${facts.agencyName}) ${how} on ${facts.dayLocal}, with ${other}. Record the outcome (verified, partly verified, not verified or not visited) with your notes by ${facts.recordByLocal}.`,
    };
  }
  const how = facts.mode === 'on-site' ? 'secara langsung di lokasi' : 'secara virtual';
  const visitors = `${facts.panelistName} (Tim Panel Independen) dan ${facts.evaluatorName} (Tim Evaluasi)`;
  if (facts.audience === 'agency') {
    return {
      subject: `${facts.cycleId}: verifikasi lapangan "${facts.title}" pada ${facts.dayLocal}`,
      body: `Inovasi "${facts.title}" akan diverifikasi ${how} pada ${facts.dayLocal} oleh ${visitors}. Mohon siapkan bukti pelaksanaan inovasi dan narahubung pada hari tersebut.`,
    };
  }
  const other = facts.audience === 'panelist' ? facts.evaluatorName : facts.panelistName;
  return {
    subject: `${facts.cycleId}: Anda ditugaskan memverifikasi "${facts.title}" pada ${facts.dayLocal}`,
    body: `Anda ditugaskan melakukan verifikasi lapangan ${how} atas inovasi "${facts.title}" (${facts.agencyName}) pada ${facts.dayLocal}, bersama ${other}. Catat hasilnya (terverifikasi, terverifikasi sebagian, tidak terverifikasi, atau tidak dikunjungi) beserta catatan paling lambat ${facts.recordByLocal}.`,
  };
}
