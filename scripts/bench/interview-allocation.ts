import type { AssignableEvaluator } from '../../libs/domain/desk';
import {
  allocateInterviews,
  planSlots,
  type InterviewPanel,
  type InterviewSchedule,
  type InterviewWindow,
  type SchedulableEntry,
} from '../../libs/domain/interview';
import { interviewParams, type InterviewParams } from '../../libs/domain/template/stage-params';
import type { Zone } from '../../libs/domain/time-zone';
import { seeded } from '../../libs/domain/seeded-random';

/**
 * Interview scheduling in memory, no database and no servers: plans KIPP's slots (13 working days, 20 minutes,
 * 09:00–14:20 WIB, three panels) and books 130 finalists into them under conflicts of interest, declared unavailable
 * days, each agency's office hours and one team per agency. A second line times the same finalists against 3,510
 * slots, the size the allocation must stay well under a second for. The data is generated from a fixed seed, so every
 * run times the same work.
 * Usage: node -r ts-node/register/transpile-only scripts/bench/interview-allocation.ts
 */
const FINALISTS = 130;
const PANELISTS = 14;
const RUNS = 5;
const SEED = 20250707;

const KIPP_WINDOW: InterviewWindow = {
  opensAt: '2025-07-07T02:00:00.000Z', // 09:00 WIB
  closesAt: '2025-07-23T07:20:00.000Z', // 14:20 WIB
  zone: 'WIB',
};
const KIPP_PARAMS: InterviewParams = {
  ...interviewParams(),
  slotMinutes: 20,
  dayStart: '09:00',
  dayEnd: '14:20',
  panels: 3,
  workingDaysOnly: true,
  conflictSameProvince: true,
};
// Stress: nine panels sitting 07:00–17:00 WIB on the same 13 days, 9 × 30 × 13 = 3,510 slots.
const STRESS_PARAMS: InterviewParams = { ...KIPP_PARAMS, dayStart: '07:00', dayEnd: '17:00', panels: 9 };
const STRESS_WINDOW: InterviewWindow = {
  ...KIPP_WINDOW,
  opensAt: '2025-07-07T00:00:00.000Z',
  closesAt: '2025-07-23T10:00:00.000Z',
};

const PROVINCES: Record<Zone, string[]> = {
  WIB: [
    'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung',
    'Kepulauan Bangka Belitung', 'Kepulauan Riau', 'DKI Jakarta', 'Jawa Barat', 'Jawa Tengah', 'DI Yogyakarta',
    'Jawa Timur', 'Banten', 'Kalimantan Barat', 'Kalimantan Tengah',
  ],
  WITA: [
    'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara',
    'Sulawesi Utara', 'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat',
  ],
  WIT: ['Maluku', 'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya'],
}; // prettier-ignore
// Finalists come mostly from Java and Sumatra, then Sulawesi, Bali and Nusa Tenggara, a few from Maluku and Papua.
const ZONE_SHARE: [Zone, number][] = [
  ['WIB', 0.62],
  ['WITA', 0.28],
  ['WIT', 0.1],
];

function generate() {
  const random = seeded(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const zoneOf = () => {
    let roll = random();
    for (const [zone, share] of ZONE_SHARE) if ((roll -= share) < 0) return zone;
    return 'WIB';
  };
  const agencies = Array.from({ length: 118 }, (_, i) => {
    const zone = zoneOf();
    return { code: `AG-${String(i + 1).padStart(3, '0')}`, zone, province: pick(PROVINCES[zone]) };
  });
  const workingDays = planSlots(KIPP_WINDOW, { ...KIPP_PARAMS, panels: 1 }, ['1'])
    .map((slot) => slot.startsAt.slice(0, 10))
    .filter((day, i, days) => days.indexOf(day) === i);
  // Some agencies reach the final with two innovations (a dozen here): one team presents both.
  const entries: SchedulableEntry[] = Array.from({ length: FINALISTS }, (_, i) => {
    const agency = i < agencies.length ? agencies[i] : pick(agencies);
    const unavailableDays =
      random() < 0.1 ? [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(workingDays)))] : [];
    return {
      id: `kipp-${String(i + 1).padStart(3, '0')}`,
      agencyCode: agency.code,
      province: agency.province,
      zone: agency.zone,
      replicatesAgencyCode: random() < 0.3 ? pick(agencies).code : null,
      unavailableDays,
    };
  });
  const allProvinces = Object.values(PROVINCES).flat();
  const panelists: AssignableEvaluator[] = Array.from({ length: PANELISTS }, (_, i) => ({
    id: `tpi-${String(i + 1).padStart(2, '0')}`,
    name: `Panelis ${i + 1}`,
    affiliations: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(agencies).code),
    province: random() < 0.6 ? pick(allProvinces) : null,
    declaredConflictEntryIds: Array.from({ length: Math.floor(random() * 3) }, () => pick(entries).id),
  }));
  const panelsOf = (count: number): InterviewPanel[] =>
    Array.from({ length: count }, (_, p) => ({
      key: String(p + 1),
      // Three panels of four or five; with nine, each panelist sits on two or three.
      panelists: panelists.filter((_, i) => (count === 3 ? i % 3 === p : (i + p) % 9 < 3 || i % 9 === p)),
    }));
  return { entries, kippPanels: panelsOf(3), stressPanels: panelsOf(9) };
}

function run(window: InterviewWindow, params: InterviewParams, entries: SchedulableEntry[], panels: InterviewPanel[]) {
  const started = process.hrtime.bigint();
  const slots = planSlots(
    window,
    params,
    panels.map((panel) => panel.key),
  ).map((slot) => ({ id: `${slot.panelKey}@${slot.startsAt}`, ...slot }));
  const schedule = allocateInterviews(slots, entries, panels, { sameProvince: params.conflictSameProvince });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, slots: slots.length, schedule };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function bench(label: string, window: InterviewWindow, params: InterviewParams, panels: InterviewPanel[]): boolean {
  run(window, params, data.entries, panels); // warm-up: the first run also compiles the hot paths
  const runs = Array.from({ length: RUNS }, () => run(window, params, data.entries, panels));
  const last = runs[RUNS - 1];
  const fingerprint = (schedule: InterviewSchedule) => JSON.stringify(schedule);
  const stable = runs.every((r) => fingerprint(r.schedule) === fingerprint(last.schedule));
  const { bookings, unplaced } = last.schedule;
  console.log(
    `${label}: ${last.slots} slots planned, ${bookings.length} entries placed, ${unplaced.length} unplaced; ` +
      `planSlots + allocateInterviews median ${median(runs.map((r) => r.ms)).toFixed(1)} ms over ${RUNS} runs; ` +
      `${stable ? 'identical' : 'DIFFERENT'} schedule on every run`,
  );
  for (const { entryId, reason } of unplaced) console.log(`  unplaced ${entryId}: ${reason}`);
  return stable;
}

const data = generate();
const zones = ZONE_SHARE.map(([zone]) => `${data.entries.filter((e) => e.zone === zone).length} ${zone}`).join(', ');
const away = data.entries.filter((e) => e.unavailableDays.length > 0).length;
const twice = data.entries.length - new Set(data.entries.map((e) => e.agencyCode)).size;
console.log(
  `interview allocation, ${FINALISTS} finalists (${zones}; ${away} with unavailable days; ` +
    `${twice} second entries of an agency), ${PANELISTS} panelists`,
);
const stable = [
  bench('KIPP, 13 working days, 3 panels, 09:00–14:20 WIB', KIPP_WINDOW, KIPP_PARAMS, data.kippPanels),
  bench('stress, 13 working days, 9 panels, 07:00–17:00 WIB', STRESS_WINDOW, STRESS_PARAMS, data.stressPanels),
].every(Boolean);
if (!stable) process.exitCode = 1;
