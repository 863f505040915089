import { Context } from '@temporalio/activity';
import { sendNotices, type NoticeEvent, type NotifyDeps } from '../../libs/notify';

/**
 * The one way Tahap tells agencies something. It writes the outbox (a notice per agency, keyed by workflow id plus
 * event, which is also the in-app inbox) and the planned deliveries in one transaction, then starts a delivery
 * workflow per notice. Every step is keyed, so a retried or repeated notify adds nothing and sends nothing twice.
 */
export function createNotifyActivities(deps: NotifyDeps) {
  return {
    async notify(event: NoticeEvent): Promise<{ notices: number }> {
      return sendNotices(deps, event, (done) => Context.current().heartbeat(done));
    },
  };
}

export type NotifyActivities = ReturnType<typeof createNotifyActivities>;
