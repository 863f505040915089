import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { entryIdParam } from '../common/params';
import { StageScoresDto } from './entry-scores.response.dto';
import { EntryScoresService } from './entry-scores.service';

@ApiTags('entries')
@ApiBearerAuth()
@Controller()
export class EntryScoresController {
  constructor(private readonly scores: EntryScoresService) {}

  @Get('entries/:entryId/scores')
  @Allow('admin', 'auditor', 'agency', 'agency-unit')
  @ApiOperation({
    summary: 'The entry’s mean scores per scored stage (desk evaluation, interview), per criterion and weighted',
    description:
      'Means of the latest sheet of each evaluator or panelist, never who scored or what they wrote. Admins and ' +
      'auditors read every scored stage; an agency reads its own entry’s, only for stages whose template sets ' +
      '`showScoresToAgency` and only once the stage has closed. A stage without sheets is not listed.',
  })
  @ApiOkResponse({ type: [StageScoresDto] })
  @ApiNotFoundResponse({ description: 'No such entry, or not yours to see' })
  get(
    @Param('entryId', entryIdParam()) entryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StageScoresDto[]> {
    return this.scores.scores(entryId, principal);
  }
}
