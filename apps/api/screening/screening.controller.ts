import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ScreeningDecisionsRequestDto } from './screening-decisions.request.dto';
import { ScreeningDecidedResponseDto } from './screening.response.dto';
import { ScreeningService } from './screening.service';

/** Admins' screening decisions, all of a request taken or none. */
@ApiTags('screening')
@ApiBearerAuth()
@Controller('cycles/:cycleId/screening/decisions')
export class ScreeningController {
  constructor(private readonly screening: ScreeningService) {}

  @Post()
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Pass or fail entries in administrative screening, each with a reason' })
  @ApiOkResponse({ type: ScreeningDecidedResponseDto })
  decide(
    @Param('cycleId') cycleId: string,
    @Body() body: ScreeningDecisionsRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScreeningDecidedResponseDto> {
    return this.screening.decide(cycleId, body, principal);
  }
}
