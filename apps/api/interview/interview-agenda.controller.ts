import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { InterviewAgendaService } from './interview-agenda.service';
import { InterviewAgendaStageDto } from './interview.response.dto';

/** A panelist's own interviews across cycles. */
@ApiTags('interview')
@ApiBearerAuth()
@Controller('interview-agenda')
export class InterviewAgendaController {
  constructor(private readonly agendas: InterviewAgendaService) {}

  @Get()
  @Allow('panelist')
  @ApiOperation({
    summary: 'Your interviews: per open interview stage, the bookings on your panels (earliest first) and the rubrics',
    description:
      'Each start is given as an instant and in the agency’s own zone, with the meeting link, attendance and whether you have scored it.',
  })
  @ApiOkResponse({ type: [InterviewAgendaStageDto] })
  agenda(@CurrentPrincipal() principal: Principal) {
    return this.agendas.agenda(principal);
  }
}
