/**
 * Indonesia's three zones have fixed offsets and no daylight saving, so converting between a local
 * wall-clock time and an instant is plain arithmetic; no time-zone database is needed (and libs/domain
 * stays free of Node built-ins, as workflows import it).
 */
export const ZONE_OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;

export type Zone = keyof typeof ZONE_OFFSET_HOURS;

export const ZONES = Object.keys(ZONE_OFFSET_HOURS) as Zone[];

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isZone(value: unknown): value is Zone {
  return typeof value === 'string' && Object.hasOwn(ZONE_OFFSET_HOURS, value);
}

/** `2024-06-11T23:59` in WIB → the instant 2024-06-11T16:59:00.000Z. Returns undefined for malformed or impossible times. */
export function localToInstant(local: string, zone: Zone): Date | undefined {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map((part) => part ?? '0');
  const utc = Date.UTC(+year, +month - 1, +day, +hour - ZONE_OFFSET_HOURS[zone], +minute, +second);
  const check = new Date(utc + ZONE_OFFSET_HOURS[zone] * 3_600_000);
  const sameWallClock =
    check.getUTCFullYear() === +year &&
    check.getUTCMonth() === +month - 1 &&
    check.getUTCDate() === +day &&
    check.getUTCHours() === +hour &&
    check.getUTCMinutes() === +minute;
  return sameWallClock ? new Date(utc) : undefined;
}

/** The wall-clock time of an instant in a zone, as `YYYY-MM-DDTHH:mm:ss`. */
export function instantToLocal(instant: Date, zone: Zone): string {
  return new Date(instant.getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString().slice(0, 19);
}

/** How every instant is shown to a person: with its zone named, e.g. `11 Jun 2024 23:59 WIB`. */
export function formatInZone(instant: Date, zone: Zone): string {
  const local = instantToLocal(instant, zone);
  const [date, time] = local.split('T');
  const [year, month, day] = date.split('-');
  return `${+day} ${monthName(+month, 'id', 'short')} ${year} ${time.slice(0, 5)} ${zone}`;
}

const MONTH_FORMATS = {
  id: { short: monthFormat('id-ID', 'short'), long: monthFormat('id-ID', 'long') },
  // en-US: en-GB abbreviates September as "Sept".
  en: { short: monthFormat('en-US', 'short'), long: monthFormat('en-US', 'long') },
};

function monthFormat(locale: string, month: 'short' | 'long'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
}

/** A month's name (1 = January) as the language writes it, from the platform's locale data: `Agu`, `Agustus`. */
export function monthName(month: number, language: 'id' | 'en', width: 'short' | 'long'): string {
  return MONTH_FORMATS[language][width].format(new Date(Date.UTC(2000, month - 1, 15)));
}

const WEEKDAY_FORMAT = new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' });

/** The Indonesian name of a calendar day's weekday (`YYYY-MM-DD`): `Senin`. */
export function indonesianWeekday(day: string): string {
  return WEEKDAY_FORMAT.format(new Date(`${day}T12:00:00Z`));
}
