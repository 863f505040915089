import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as text (to keep its precision); scores fit a double comfortably. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
