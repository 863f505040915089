import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { wholeNumber } from '../common/params';
import { DeliveriesService } from './deliveries.service';
import { ListDeliveriesQueryDto } from './list-deliveries.query.dto';
import { NotifyDeliveryPageDto, NotifyNoticeDeliveriesDto, NotifyResendDto } from './notify.response.dto';

/** The delivery log: every notice, every channel, every attempt; and the admin's re-send. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('deliveries')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Deliveries by status (e.g. failed) and agency, newest first, with their attempts' })
  @ApiOkResponse({ type: NotifyDeliveryPageDto })
  list(@Query() query: ListDeliveriesQueryDto) {
    return this.deliveries.list(query);
  }

  @Get('notices/:noticeId/deliveries')
  @Allow('admin', 'auditor', 'agency')
  @ApiOperation({ summary: 'How one notice was delivered, round by round, with every attempt' })
  @ApiOkResponse({ type: NotifyNoticeDeliveriesDto })
  forNotice(@Param('noticeId', wholeNumber('noticeId')) noticeId: number, @CurrentPrincipal() principal: Principal) {
    return this.deliveries.forNotice(noticeId, principal);
  }

  @Post('notices/:noticeId/resend')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Send a notice again on the agency’s current channels: a new, recorded round' })
  @ApiAcceptedResponse({ type: NotifyResendDto })
  resend(@Param('noticeId', wholeNumber('noticeId')) noticeId: number, @CurrentPrincipal() principal: Principal) {
    return this.deliveries.resend(noticeId, principal);
  }
}
