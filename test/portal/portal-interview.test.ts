import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { entryWorkflowId, localToInstant } from '../../libs/domain';
import type { EntryState } from '../../workflows/entry.messages';
import {
  expectStatus,
  INTERVIEW,
  interviewTemplate,
  localClock,
  schedule,
  SUBMISSION,
} from '../interview/interview-fixtures';
import { launchBrowser, newWindow, screenshot, seriousAxeViolations, signIn } from '../support/browser';
import { closeStage, ensureAgencies, INNOVATION, openStage, startCycle, stageReaches } from '../support/fixtures';
import { parseCalendar } from '../support/icalendar';
import { eventually, Stack } from '../support/stack';

const PASSWORD = 'password-for-tests';
const YEAR = 2069;
const WITA_AGENCY = 'kota-palopo';

/** `10.30 WITA`: the time of an instant as a person in WITA reads it in Indonesian, computed here on its own. */
const witaTime = (instant: string) => `${localClock(instant, 'WITA').time.replace(':', '.')} WITA`;

/**
 * The interview invitation on an innovation's page. Kota Palopo is in WITA while the stage is written in WIB: every
 * time its Admin Lokal reads must be in WITA. The interviews are tomorrow and the day after, 09:00–12:00 WIB, so the
 * cut-off (an hour before) is far enough for the agency to confirm and move.
 */
describe('portal: the interview invitation', () => {
  const stack = Stack.shared();
  let browser: Browser;
  let cycleId = '';
  let entryId = '';
  let agency: { email: string; token: string };
  let panelist: { email: string; token: string };

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
    await ensureAgencies(stack);
    const today = localClock(new Date().toISOString(), 'WIB').date;
    const inDays = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    cycleId = await startCycle(
      stack,
      interviewTemplate(YEAR, 590, {
        opensAt: new Date(Date.now() + 600_000),
        closesAt: localToInstant(`${inDays(2)}T12:00`, 'WIB')!,
        zone: 'WIB',
        params: {
          noticeDays: 1,
          panels: 1,
          slotMinutes: 30,
          dayStart: '09:00',
          dayEnd: '12:00',
          confirmHoursBefore: 1,
        },
      }),
    );
    [panelist] = await Promise.all([stack.account('panelist'), stageReaches(stack, cycleId, SUBMISSION, 'open')]);
    const panels = [
      {
        key: '1',
        name: 'Panel 1',
        meetingUrl: 'https://meet.example.id/panel-1',
        panelists: [{ email: panelist.email, affiliations: ['univ-hasanuddin'] }],
      },
    ];
    expectStatus(await stack.request('PUT', `/cycles/${cycleId}/interview-panels`, { panels }), 200);
    agency = await stack.account('agency', WITA_AGENCY);
    const registered = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      { title: 'Ayo Ceting Palopo', summary: 'Cegah stunting bersama.', group: 'keberlanjutan', ...INNOVATION },
      agency,
    );
    expectStatus(registered, 201);
    entryId = registered.body.id;
    await closeStage(stack, cycleId, SUBMISSION);
    await openStage(stack, cycleId, INTERVIEW);
    await eventually('the entry’s workflow to hold its booking', async () => {
      const state = await stack.client.workflow
        .getHandle(entryWorkflowId(cycleId, entryId))
        .query<EntryState>('entryState');
      return state.interview?.booking ? true : undefined;
    });
    expect((await schedule(stack, cycleId)).bookings.map((booking) => booking.entryId)).toEqual([entryId]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual({ page: new URL(page.url()).pathname, violations: [] });
  }
  const booked = async () => (await stack.request('GET', `/entries/${entryId}/interview`, undefined, agency)).body;

  it('[portal-agency] a WITA agency sees its interview time and the deadline to confirm in WITA, confirms, moves to a free slot, and downloads an .ics with the new time', async () => {
    const first = await booked();
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, agency.email, PASSWORD, `/inovasi/${entryId}`);
    const card = page.getByRole('region', { name: 'Presentasi dan wawancara' });
    await card.getByTestId('interview-time').getByText(witaTime(first.booking.startsAt)).waitFor();
    await card.getByTestId('interview-deadline').getByText(witaTime(first.confirmBy)).waitFor();
    expect(Date.parse(first.confirmBy)).toBe(Date.parse(first.booking.startsAt) - 3_600_000);
    await card.getByText('Menunggu konfirmasi Anda').waitFor();
    await expectAccessible(page);

    await card.getByRole('button', { name: 'Konfirmasi kehadiran' }).click();
    await card.getByText('Sudah dikonfirmasi').waitFor();
    expect((await booked()).booking.confirmedAt).not.toBeNull();

    // The list in the dialog is the free slots this agency may take, in the API's order; the third is picked.
    const free = await stack.request('GET', `/cycles/${cycleId}/interview-slots/free`, undefined, agency);
    await card.getByRole('button', { name: 'Pindah jadwal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Jadwal kosong/ }).click();
    const option = page.getByRole('option').nth(2);
    const chosen = await option.textContent();
    await option.click();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Pindahkan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const moved = await booked();
    expect(moved.booking.startsAt).not.toBe(first.booking.startsAt);
    expect(moved.booking.sequence).toBe(first.booking.sequence + 1);
    expect(moved.booking.slotId).toBe(free.body[2].slotId);
    expect(chosen).toContain(witaTime(moved.booking.startsAt));
    await card.getByTestId('interview-time').getByText(witaTime(moved.booking.startsAt)).waitFor();
    await card.getByTestId('interview-deadline').getByText(witaTime(moved.confirmBy)).waitFor();
    await card.getByText('Sudah dikonfirmasi').waitFor();
    await screenshot(page, 'agency-interview');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Unduh kalender (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('wawancara.ics');
    const calendar = parseCalendar(readFileSync((await download.path())!, 'utf8'));
    expect(calendar).toMatchObject({
      uid: `${moved.booking.bookingId}@tahap`,
      sequence: moved.booking.sequence,
      startsAt: new Date(moved.booking.startsAt).toISOString(),
      endsAt: new Date(moved.booking.endsAt).toISOString(),
    });
  });

  it('[portal-interview] the panelist sees the interview in their zone (WIB) with the agency’s WITA time beside it and the meeting link; attendance before the slot begins is refused as the API words it', async () => {
    const { booking } = await booked();
    const page = await (await newWindow(browser, stack.origin)).newPage();
    await signIn(page, panelist.email, PASSWORD, '/wawancara');
    await page.getByRole('navigation').getByRole('link', { name: 'Wawancara' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Ayo Ceting Palopo' });
    const wib = `${localClock(booking.startsAt, 'WIB').time.replace(':', '.')} WIB`;
    await row.getByText(wib).waitFor();
    await row.getByText(witaTime(booking.startsAt)).waitFor();
    expect(await row.getByRole('link', { name: 'Buka rapat Panel 1' }).getAttribute('href')).toBe(
      'https://meet.example.id/panel-1',
    );
    await expectAccessible(page);
    await screenshot(page, 'panelist-interviews');

    const attendance = row.getByRole('group', { name: 'Kehadiran Ayo Ceting Palopo' });
    await attendance.getByRole('button', { name: 'Catat kehadiran' }).click();
    const refusal = await stack.request(
      'POST',
      `/entries/${entryId}/interview/attendance`,
      { attendance: 'present' },
      panelist,
    );
    expect(refusal.status).toBeGreaterThanOrEqual(400);
    await attendance.getByRole('alert').getByText(refusal.body.message).waitFor();
    expect((await booked()).booking.attendance ?? null).toBeNull();
    await expectAccessible(page);
  });
});
