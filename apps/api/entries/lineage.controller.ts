import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { entryIdParam } from '../common/params';
import { LineageDto } from './lineage.response.dto';
import { LineageService } from './lineage.service';

@ApiTags('entries')
@ApiBearerAuth()
@Controller()
export class LineageController {
  constructor(private readonly lineage: LineageService) {}

  @Get('entries/:entryId/lineage')
  @Allow(...ROLES)
  @ApiOperation({
    summary:
      'An innovation across cycles: its entries, the original it replicates and its replications (404 unless the entry is yours to see)',
  })
  @ApiOkResponse({ type: LineageDto })
  @ApiNotFoundResponse({ description: 'No such entry, or not yours to see' })
  get(
    @Param('entryId', entryIdParam()) entryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LineageDto> {
    return this.lineage.lineage(entryId, principal);
  }
}
