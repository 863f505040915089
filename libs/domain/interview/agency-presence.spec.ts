import { allocateInterviews, slotFits, type SchedulableEntry } from './allocation';
import { clashingPresentation } from './agency-presence';
import { earliestStartBeforeCutOff, interviewCutOff } from './cut-off';
import { interviewInvitationNotice } from '../notices/interview-notice-texts';

const slot = (id: string, start: string, end: string) => ({
  id,
  panelKey: '1',
  startsAt: `2030-03-04T${start}:00.000Z`,
  endsAt: `2030-03-04T${end}:00.000Z`,
});
const elsewhere = {
  entryId: 'other',
  title: 'Siklus lain',
  startsAt: '2030-03-04T01:00:00.000Z',
  endsAt: '2030-03-04T01:20:00.000Z',
};
const entry: SchedulableEntry = {
  id: 'e1',
  agencyCode: 'kab-a',
  province: 'Jawa Timur',
  replicatesAgencyCode: null,
  zone: 'WIB',
  unavailableDays: [],
  presentsElsewhere: [elsewhere],
};
const panels = [{ key: '1', panelists: [] }];
const RULES = { sameProvince: false };

describe('an agency presents once at a time, whatever the cycle', () => {
  it('finds the overlapping presentation, never the entry’s own', () => {
    expect(clashingPresentation(slot('s', '01:10', '01:30'), 'e1', [elsewhere])).toBe(elsewhere);
    expect(clashingPresentation(slot('s', '01:20', '01:40'), 'e1', [elsewhere])).toBeUndefined();
    expect(clashingPresentation(slot('s', '01:00', '01:20'), 'other', [elsewhere])).toBeUndefined();
  });

  it('keeps the allocation off the time the agency presents elsewhere, and a slot check names it', () => {
    const schedule = allocateInterviews(
      [slot('s1', '01:00', '01:20'), slot('s2', '01:20', '01:40')],
      [entry],
      panels,
      RULES,
    );
    expect(schedule.bookings).toEqual([expect.objectContaining({ entryId: 'e1', slotId: 's2' })]);
    const none = allocateInterviews([slot('s1', '01:00', '01:20')], [entry], panels, RULES);
    expect(none.unplaced[0].reason).toMatch(/the agency presents "Siklus lain" at the same time/);
    expect(slotFits(slot('s1', '01:00', '01:20'), entry, panels, RULES)).toBe(
      'the agency presents "Siklus lain" at the same time',
    );
  });
});

describe('the interview cut-off', () => {
  it('is confirmHoursBefore before the slot, and the earliest start an agency may take is as far after now', () => {
    expect(interviewCutOff('2030-03-04T10:00:00.000Z', { confirmHoursBefore: 24 }).toISOString()).toBe(
      '2030-03-03T10:00:00.000Z',
    );
    expect(
      earliestStartBeforeCutOff(new Date('2030-03-03T10:00:00.000Z'), { confirmHoursBefore: 1.5 }).toISOString(),
    ).toBe('2030-03-03T11:30:00.000Z');
  });
});

describe('the notice of a move', () => {
  const facts = {
    cycleId: 'pkri-2030',
    title: 'Inovasi',
    startsAtLocal: '4 Mar 2030 08:00 WIB',
    panelName: 'Panel 1',
    meetingUrl: 'https://meet.example.id/1',
    cutOffLocal: '4 Mar 2030 07:00 WIB',
    change: 'moved' as const,
    confirmed: true,
    chosenByAgency: true,
  };
  it('says the agency’s own move confirmed the slot, in both languages', () => {
    expect(interviewInvitationNotice('en', facts).body).toMatch(
      /the move confirmed it: there is nothing more to confirm/,
    );
    expect(interviewInvitationNotice('id', facts).body).toMatch(/pemindahan itu sekaligus menjadi konfirmasi/);
    expect(interviewInvitationNotice('en', { ...facts, chosenByAgency: false }).body).toMatch(
      /The slot is confirmed\./,
    );
  });
});
