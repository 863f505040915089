import { Matches, ValidateBy } from 'class-validator';

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Whether a well-formed instant names a real day: JavaScript would turn 30 February into 2 March. */
function exists(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return true;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return false;
  const offsetMinutes = match[4] === 'Z' ? 0 : (match[5] === '-' ? -1 : 1) * (Number(match[6]) * 60 + Number(match[7]));
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10) === match[1];
}

/** An instant with its offset (`2024-06-18T16:59:00Z`, `…+07:00`): never a local time read in the server's zone. */
export const IsInstant =
  (field: string): PropertyDecorator =>
  (target, property) => {
    Matches(INSTANT, { message: `${field} must be an ISO-8601 instant with its offset, such as 2024-06-18T16:59:00Z` })(
      target,
      property as string,
    );
    ValidateBy({
      name: 'isRealInstant',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || exists(value),
        defaultMessage: () => `${field} is not a date that exists`,
      },
    })(target, property as string);
  };
