import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { DeskQueueService } from './desk-queue.service';
import { DeskQueueStageDto } from './desk.response.dto';

/** An evaluator's own work across cycles. */
@ApiTags('desk evaluation')
@ApiBearerAuth()
@Controller('desk-queue')
export class DeskQueueController {
  constructor(private readonly queues: DeskQueueService) {}

  @Get()
  @Allow('evaluator')
  @ApiOperation({
    summary: 'Your desk work: per open desk stage, the entries given to you (not yet scored first) and the rubrics',
    description:
      'Your progress (scored of assigned), the deadline, whether a comment is required; under blind review the ' +
      'entries come without their agency.',
  })
  @ApiOkResponse({ type: [DeskQueueStageDto] })
  queue(@CurrentPrincipal() principal: Principal) {
    return this.queues.queue(principal);
  }
}
