/** A translation with the same keys as the Indonesian one (a missing key is a compile error). */
export type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** One area's texts: Indonesian first, English with the same keys. */
export function section<T>(texts: { id: T; en: Dictionary<T> }): { id: T; en: Dictionary<T> } {
  return texts;
}
