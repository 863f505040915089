import { ZONE_OFFSET_HOURS, type Zone } from '../time-zone';
import { formatDecimal } from './decimal';
import type { ScoreComponent } from './final-score';

/** Each score's name in Indonesian, as the berita acara and the ranking's reasons write it. */
export const SCORE_COMPONENT_ID: Record<ScoreComponent, string> = {
  desk: 'nilai desk',
  interview: 'nilai wawancara',
  fieldVerification: 'nilai verifikasi lapangan',
};

// Written out rather than taken from Intl: decision documents are hashed and must come out byte for byte the same
// on every machine and Node release, whatever locale data it ships (docs/architecture.md).
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

// A zone designator is required: without one, Date.parse reads the text in the machine's own zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of an ISO instant with its zone (`Z` or `+07:00`); undefined otherwise. */
export function parseInstant(text: string): number | undefined {
  if (!INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** `84,13`: two decimals with a decimal comma; no score is `—`. */
export function scoreId(value: number | null): string {
  return value === null ? '—' : formatDecimal(value, 2, ',');
}

/** `2011-03-01` → `1 Maret 2011`. */
export function dateId(date: string): string {
  if (!isCalendarDate(date)) throw new Error(`${date} is not a YYYY-MM-DD date`);
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * An instant as an Indonesian reads it in a zone: `Jumat, 19 Juli 2024 pukul 15.30 WIB`. Plain arithmetic on the
 * instant plus the zone's fixed offset (Indonesia has no daylight saving), no Intl, so every machine writes the
 * same text. `withSeconds` adds seconds (and milliseconds when there are any): `pukul 10.00.05 WIB`.
 */
export function instantId(instant: string, zone: Zone, withSeconds = false): string {
  const ms = parseInstant(instant);
  if (ms === undefined) throw new Error(`${instant} is not an ISO instant with its zone`);
  const local = new Date(ms + ZONE_OFFSET_HOURS[zone] * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  let time = `${two(local.getUTCHours())}.${two(local.getUTCMinutes())}`;
  if (withSeconds) {
    time += `.${two(local.getUTCSeconds())}`;
    if (local.getUTCMilliseconds() > 0) time += `,${String(local.getUTCMilliseconds()).padStart(3, '0')}`;
  }
  return `${DAYS[local.getUTCDay()]}, ${date} pukul ${time} ${zone}`;
}

/** `a`, `a dan b`, `a, b dan c`. */
export function listId(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}
