import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { NoticeEntity } from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { wholeNumber } from '../common/params';

/** Whose notices a caller reads: an agency's, or a person's own (an evaluator's reminders). */
const mine = (principal: Principal) =>
  principal.role === 'agency' ? { agencyCode: principal.agencyCode } : { userId: principal.userId };

/** The in-app inbox: every notice Tahap sent the caller's agency, or the caller, newest first. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow('agency', 'evaluator', 'panelist')
  @ApiOperation({ summary: 'Notices to your agency (or to you), newest first (the latest 200)' })
  list(@CurrentPrincipal() principal: Principal) {
    return this.dataSource.getRepository(NoticeEntity).find({
      where: mine(principal),
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 200,
    });
  }

  @Get('unread-count')
  @Allow('agency', 'evaluator', 'panelist')
  @ApiOperation({ summary: 'How many notices are unread' })
  async unread(@CurrentPrincipal() principal: Principal) {
    const unread = await this.dataSource.getRepository(NoticeEntity).countBy({ ...mine(principal), readAt: IsNull() });
    return { unread };
  }

  @Post(':noticeId/read')
  @HttpCode(200)
  @Allow('agency', 'evaluator', 'panelist')
  @ApiOperation({ summary: 'Mark a notice read' })
  async markRead(
    @Param('noticeId', wholeNumber('noticeId')) noticeId: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    const notice = await this.dataSource
      .getRepository(NoticeEntity)
      .findOneBy({ id: String(noticeId), ...mine(principal) });
    if (!notice) throw new DomainError(ErrorCode.NoticeNotFound, `No notice ${noticeId} in your inbox.`);
    if (!notice.readAt)
      await this.dataSource.getRepository(NoticeEntity).update({ id: notice.id }, { readAt: new Date() });
    return { id: notice.id, read: true };
  }
}
