import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { planDeliveries, runIdOf, startDeliveries } from '../../../activities/notify/notify.activities';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import {
  AgencyEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  NoticeEntity,
  WebhookEndpointEntity,
} from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { wholeNumber } from '../common/params';
import { ListDeliveriesQueryDto } from './list-deliveries.query.dto';
import { NoticesService } from './notices.service';

/** The delivery log: every notice, every channel, every attempt; and the admin's re-send. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
  ) {}

  @Get('deliveries')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Deliveries by status (e.g. failed) and agency, newest first, with their attempts' })
  async list(@Query() query: ListDeliveriesQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const builder = this.dataSource
      .getRepository(DeliveryEntity)
      .createQueryBuilder('delivery')
      .innerJoin(NoticeEntity, 'notice', 'notice.id = delivery.noticeId')
      .orderBy('delivery.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.status) builder.andWhere('delivery.status = :status', { status: query.status });
    if (query.agencyCode) builder.andWhere('notice.agencyCode = :agency', { agency: query.agencyCode });
    const [items, total] = await builder.getManyAndCount();
    return { items: await this.withAttempts(items), total, page, pageSize };
  }

  @Get('notices/:noticeId/deliveries')
  @Allow('admin', 'auditor', 'agency')
  @ApiOperation({ summary: 'How one notice was delivered, round by round, with every attempt' })
  async forNotice(
    @Param('noticeId', wholeNumber('noticeId')) noticeId: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    const notice = await this.notice(noticeId, principal);
    const deliveries = await this.dataSource
      .getRepository(DeliveryEntity)
      .find({ where: { noticeId: notice.id }, order: { round: 'ASC', id: 'ASC' } });
    return { notice, deliveries: await this.withAttempts(deliveries) };
  }

  @Post('notices/:noticeId/resend')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Send a notice again on the agency’s current channels: a new, recorded round' })
  async resend(@Param('noticeId', wholeNumber('noticeId')) noticeId: number, @CurrentPrincipal() principal: Principal) {
    const notice = await this.notice(noticeId, principal);
    const deliveries = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`resend-${notice.id}`]);
      const [{ last }] = await tx.query<{ last: number }[]>(
        'SELECT coalesce(max(round), 0)::int AS last FROM deliveries WHERE notice_id = $1',
        [notice.id],
      );
      const agency = notice.agencyCode
        ? await tx.getRepository(AgencyEntity).findOneByOrFail({ code: notice.agencyCode })
        : undefined;
      const endpoints = agency
        ? await tx.getRepository(WebhookEndpointEntity).findBy({ agencyCode: agency.code, status: 'active' })
        : [];
      const planned = planDeliveries(notice, agency, endpoints, last + 1, runIdOf(notice.id, last + 1));
      if (planned.length === 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `${agency?.code} has no e-mail contact or active webhook on its chosen channels; the notice stays in its inbox.`,
        );
      }
      await tx.getRepository(DeliveryEntity).insert(planned);
      return tx.getRepository(DeliveryEntity).findBy({ noticeId: notice.id, round: last + 1 });
    });
    await startDeliveries(this.notices.deps, deliveries);
    return { noticeId: notice.id, round: deliveries[0].round, deliveries: deliveries.length };
  }

  private async notice(id: number, principal: Principal): Promise<NoticeEntity> {
    const notice = await this.dataSource.getRepository(NoticeEntity).findOneBy({ id: String(id) });
    if (!notice || (principal.role === 'agency' && notice.agencyCode !== principal.agencyCode)) {
      throw new DomainError(ErrorCode.NoticeNotFound, `No notice ${id}.`);
    }
    return notice;
  }

  private async withAttempts(deliveries: DeliveryEntity[]) {
    if (deliveries.length === 0) return [];
    const attempts = await this.dataSource
      .getRepository(DeliveryAttemptEntity)
      .find({ where: { deliveryId: In(deliveries.map((delivery) => delivery.id)) }, order: { id: 'ASC' } });
    return deliveries.map((delivery) => ({
      ...delivery,
      attemptLog: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
    }));
  }
}
