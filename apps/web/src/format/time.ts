import { localToInstant, ZONE_OFFSET_HOURS, type Zone } from '../../../../libs/domain/time-zone';

const IANA: Record<Zone, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;
export type Language = keyof typeof LOCALES;

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** An instant as a person in `zone` reads it, with the zone named: `Kamis, 11 Juni 2026 23.59 WITA`. */
export function formatInstant(instant: string | Date, zone: Zone, language: Language, withWeekday = false): string {
  const text = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: IANA[zone],
    ...(withWeekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
  return `${text} ${zone}`;
}

export function formatDate(instant: string | Date, zone: Zone, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: IANA[zone], dateStyle: 'medium' }).format(
    new Date(instant),
  );
}

/** A number in the locale's format; `decimals` fixes how many digits follow the separator (a score: 1). */
export function formatNumber(value: number, language: Language, decimals?: number): string {
  const fixed = decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat(LOCALES[language], fixed).format(value);
}

/** `YYYY-MM-DDTHH:mm` in `zone`, for a datetime-local input. */
export function toLocalInput(instant: string | Date, zone: Zone): string {
  return new Date(new Date(instant).getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString().slice(0, 16);
}

/** The instant a wall-clock time (a datetime-local value, a template's window) means in `zone`. */
export function fromLocalInput(local: string, zone: Zone): string {
  const instant = localToInstant(local, zone);
  if (!instant) throw new RangeError(`"${local}" is not a time`);
  return instant.toISOString();
}

/** Days, hours, minutes and seconds until `instant`, or undefined once it has passed. */
export function remaining(
  instant: string | Date,
  now: number,
): { d: number; h: number; m: number; s: number } | undefined {
  const left = Math.floor((new Date(instant).getTime() - now) / 1000);
  if (left <= 0) return undefined;
  return {
    d: Math.floor(left / 86_400),
    h: Math.floor((left % 86_400) / 3_600),
    m: Math.floor((left % 3_600) / 60),
    s: left % 60,
  };
}
