import { isLocalTime, slotLengthSeconds, type InterviewParams } from '../template/stage-params';
import { instantToLocal, isZone, localToInstant, type Zone } from '../time-zone';

/** One panel's interview slot, as ISO instants in UTC. */
export interface PlannedSlot {
  panelKey: string;
  startsAt: string;
  endsAt: string;
}

export interface InterviewWindow {
  /** ISO instants: no slot starts before `opensAt` or ends after `closesAt`. */
  opensAt: string;
  closesAt: string;
  /** The zone of the stage's working day, breaks and skipped days (KIPP: WIB). */
  zone: Zone;
}

const SECOND = 1_000;
const DAY = 86_400_000;

/**
 * Every panel's slots in the window: each local date from the opening's to the closing's, less weekends (when only
 * working days count) and skipped days, cut into slots of `slotLengthSeconds` from `dayStart` until a slot would end
 * after `dayEnd`.
 * A slot that would run into a break starts when the break ends. Sorted by start, then panel (panel 2 before 10).
 */
export function planSlots(window: InterviewWindow, params: InterviewParams, panelKeys: string[]): PlannedSlot[] {
  const opens = instant(window.opensAt, 'opensAt');
  const closes = instant(window.closesAt, 'closesAt');
  if (!isZone(window.zone)) throw new Error(`unknown zone ${String(window.zone)}`);
  if (params.slotSeconds === undefined && (!Number.isInteger(params.slotMinutes) || params.slotMinutes < 1)) {
    throw new Error(`slotMinutes must be a whole number of at least 1, not ${params.slotMinutes}`);
  }
  if (params.slotSeconds !== undefined && (!Number.isInteger(params.slotSeconds) || params.slotSeconds < 1)) {
    throw new Error(`slotSeconds must be a whole number of at least 1, not ${params.slotSeconds}`);
  }
  const lengthSeconds = slotLengthSeconds(params);
  const length = lengthSeconds * SECOND;
  const keys = [...panelKeys].sort(comparePanelKeys);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) throw new Error(`panel ${keys[i]} is listed twice`);
  }
  const starts = startsInDay(params, lengthSeconds);
  const skipped = new Set(params.skipDays);

  const slots: PlannedSlot[] = [];
  const last = instantToLocal(new Date(closes), window.zone).slice(0, 10);
  for (let day = instantToLocal(new Date(opens), window.zone).slice(0, 10); day <= last; day = nextDay(day)) {
    if ((params.workingDaysOnly && isWeekend(day)) || skipped.has(day)) continue;
    const midnight = localToInstant(`${day}T00:00`, window.zone)!.getTime();
    for (const second of starts) {
      const startsAt = midnight + second * SECOND;
      const endsAt = startsAt + length;
      if (startsAt < opens || endsAt > closes) continue;
      const times = { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() };
      for (const panelKey of keys) slots.push({ panelKey, ...times });
    }
  }
  return slots;
}

/** Panel keys in the order people count them: numbers by value (2 before 10), anything else by code unit. */
export function comparePanelKeys(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && +a !== +b) return +a - +b;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Seconds after local midnight at which a slot of `length` seconds starts, the same every day. */
function startsInDay(params: InterviewParams, length: number): number[] {
  const dayEnd = seconds(params.dayEnd, 'dayEnd');
  const breaks = params.breaks
    .map((span) => ({ start: seconds(span.start, 'a break'), end: seconds(span.end, 'a break') }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const span of breaks) {
    if (span.end <= span.start) throw new Error('a break must end after it starts');
  }
  const starts: number[] = [];
  let start = seconds(params.dayStart, 'dayStart');
  for (;;) {
    // Breaks are sorted, so one pass moves the start past every break the slot would touch, chained ones included.
    for (const span of breaks) {
      if (span.start < start + length && span.end > start) start = span.end;
    }
    if (start + length > dayEnd) return starts;
    starts.push(start);
    start += length;
  }
}

function seconds(local: string, what: string): number {
  if (!isLocalTime(local)) throw new Error(`${what} must be a local time HH:mm, not ${local}`);
  return (+local.slice(0, 2) * 60 + +local.slice(3, 5)) * 60;
}

function instant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${what} must be an ISO instant, not ${iso}`);
  return ms;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
