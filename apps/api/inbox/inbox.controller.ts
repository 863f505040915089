import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { wholeNumber } from '../common/params';
import { NotifyNoticeDto } from '../notify/notify.response.dto';
import { InboxReadDto, InboxUnreadCountDto } from './inbox.response.dto';
import { InboxService } from './inbox.service';

/** The in-app inbox: every notice Tahap sent the caller's agency, or the caller, newest first. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Allow('agency', 'agency-unit', 'evaluator', 'panelist')
  @ApiOperation({ summary: 'Notices to your agency (or to you), newest first (the latest 200)' })
  @ApiOkResponse({ type: [NotifyNoticeDto] })
  list(@CurrentPrincipal() principal: Principal) {
    return this.inbox.list(principal);
  }

  @Get('unread-count')
  @Allow('agency', 'agency-unit', 'evaluator', 'panelist')
  @ApiOperation({ summary: 'How many notices are unread' })
  @ApiOkResponse({ type: InboxUnreadCountDto })
  unread(@CurrentPrincipal() principal: Principal) {
    return this.inbox.unread(principal);
  }

  @Post(':noticeId/read')
  @HttpCode(200)
  @Allow('agency', 'agency-unit', 'evaluator', 'panelist')
  @ApiOperation({ summary: 'Mark a notice read' })
  @ApiOkResponse({ type: InboxReadDto })
  markRead(@Param('noticeId', wholeNumber('noticeId')) noticeId: number, @CurrentPrincipal() principal: Principal) {
    return this.inbox.markRead(noticeId, principal);
  }
}
