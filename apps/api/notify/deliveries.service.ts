import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, isAgencyRole, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { planDeliveries, runIdOf, startDeliveries } from '../../../libs/notify';
import {
  advisoryLock,
  inTransaction,
  LockNamespace,
  type Db,
  type DeliveryEntity,
  type NoticeEntity,
} from '../../../libs/persistence';
import {
  activeWebhookEndpointsOf,
  attemptsOfDeliveries,
  deliveriesOfNotice,
  deliveriesOfRound,
  deliveryLogPage,
  insertDeliveries,
  lastDeliveryRound,
  noticeById,
} from '../../../libs/persistence/notify';
import type { ListDeliveriesQueryDto } from './list-deliveries.query.dto';
import { NoticesService } from './notices.service';
import { existingAgency } from '../../../libs/persistence/agencies/agency-directory';

/** The delivery log: every notice, every channel, every attempt; and the admin's re-send. */
@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(DB) private readonly db: Db,
    private readonly notices: NoticesService,
  ) {}

  async list(query: ListDeliveriesQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [items, total] = await deliveryLogPage(this.db, {
      status: query.status,
      agencyCode: query.agencyCode,
      page,
      pageSize,
    });
    return { items: await this.withAttempts(items), total, page, pageSize };
  }

  async forNotice(noticeId: number, principal: Principal) {
    const notice = await this.notice(noticeId, principal);
    const deliveries = await deliveriesOfNotice(this.db, notice.id);
    return { notice, deliveries: await this.withAttempts(deliveries) };
  }

  /** A new, recorded round of the notice on the agency's current channels. */
  async resend(noticeId: number, principal: Principal) {
    const notice = await this.notice(noticeId, principal);
    const deliveries = await inTransaction(this.db, async (tx) => {
      await advisoryLock(tx, LockNamespace.NoticeResend, notice.id);
      const round = (await lastDeliveryRound(tx, notice.id)) + 1;
      const agency = notice.agencyCode ? await existingAgency(tx, notice.agencyCode) : undefined;
      const endpoints = agency ? await activeWebhookEndpointsOf(tx, [agency.code]) : [];
      const planned = planDeliveries(notice, agency, endpoints, round, runIdOf(notice.id, round));
      if (planned.length === 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `${agency?.code} has no e-mail contact or active webhook on its chosen channels; the notice stays in its inbox.`,
        );
      }
      await insertDeliveries(tx, planned);
      return deliveriesOfRound(tx, [notice.id], round);
    });
    await startDeliveries(this.notices.deps, deliveries);
    return { noticeId: notice.id, round: deliveries[0].round, deliveries: deliveries.length };
  }

  private async notice(id: number, principal: Principal): Promise<NoticeEntity> {
    const notice = await noticeById(this.db, String(id));
    if (!notice || (isAgencyRole(principal.role) && notice.agencyCode !== principal.agencyCode)) {
      throw new DomainError(ErrorCode.NoticeNotFound, `No notice ${id}.`);
    }
    return notice;
  }

  private async withAttempts(deliveries: DeliveryEntity[]) {
    if (deliveries.length === 0) return [];
    const attempts = await attemptsOfDeliveries(
      this.db,
      deliveries.map((delivery) => delivery.id),
    );
    return deliveries.map((delivery) => ({
      ...delivery,
      attemptLog: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
    }));
  }
}
