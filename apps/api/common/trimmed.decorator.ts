import { Transform } from 'class-transformer';

/** Leading and trailing spaces are dropped before the length rules apply, so a title of spaces is too short. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
