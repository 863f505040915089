import { instantToLocal } from '../time-zone';
import type { CompetitionTemplate } from './competition-template';

export interface CompressOptions {
  startAt: Date;
  /** Seconds each stage lasts: one figure for all, or per stage key (missing keys last 60 s). */
  stageSeconds: number | Record<string, number>;
  /** Seconds between one stage's close and the next one's open; 0 by default. */
  gapSeconds?: number;
}

/**
 * The same template with its stages back to back from `startAt`, each in its own zone. For demos (a cycle in
 * minutes) and end-to-end tests (a cycle in seconds); the stages, rules and zones are untouched.
 */
export function compressCalendar(template: CompetitionTemplate, options: CompressOptions): CompetitionTemplate {
  // Local times carry whole seconds, so the start is floored and every duration must be whole seconds too.
  let cursor = Math.floor(options.startAt.getTime() / 1000) * 1000;
  const gapSeconds = options.gapSeconds ?? 0;
  if (!Number.isInteger(gapSeconds) || gapSeconds < 0)
    throw new RangeError(`gapSeconds ${gapSeconds}: must be 0 or more`);
  const gap = gapSeconds * 1000;
  const stages = template.stages.map((stage, index) => {
    const seconds =
      typeof options.stageSeconds === 'number' ? options.stageSeconds : (options.stageSeconds[stage.key] ?? 60);
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new RangeError(`stageSeconds for ${stage.key}: ${seconds} must be a whole number of seconds, at least 1`);
    }
    const opens = cursor + (index > 0 ? gap : 0);
    const closes = opens + seconds * 1000;
    cursor = closes;
    const { zone } = stage.window;
    return {
      ...stage,
      window: { zone, opens: instantToLocal(new Date(opens), zone), closes: instantToLocal(new Date(closes), zone) },
    };
  });
  return { ...template, stages };
}
