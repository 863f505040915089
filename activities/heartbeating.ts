import { Context } from '@temporalio/activity';

const EVERY_MS = 5_000;

/**
 * The same activities, each heartbeating every 5 s while it runs, so a workflow that gives them a heartbeat timeout
 * learns within it that their worker died (killed, its machine gone) and runs them again elsewhere, instead of
 * waiting out a start-to-close timeout of minutes. Only for activities that do not heartbeat themselves: a
 * heartbeat here carries no details, and would overwrite the progress those record.
 */
export function heartbeating<T extends Record<string, (...args: any[]) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: unknown[]) => {
        const context = Context.current();
        const timer = setInterval(() => context.heartbeat(), EVERY_MS);
        try {
          return await activity(...args);
        } finally {
          clearInterval(timer);
        }
      },
    ]),
  ) as T;
}
