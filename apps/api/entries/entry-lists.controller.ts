import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ROLES, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { EntriesDashboardDto, EntriesPageDto } from './entry-lists.response.dto';
import { EntryListsService } from './entry-lists.service';
import { ListEntriesQueryDto } from './list-entries.query.dto';

/** Lists for admins (and, narrowed to what is theirs, for everyone else): filtered, paged, exportable. */
@ApiTags('entries')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class EntryListsController {
  constructor(private readonly lists: EntryListsService) {}

  @Get('entries')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'Entries of a cycle by stage, cluster, group and status, a page at a time' })
  @ApiOkResponse({ type: EntriesPageDto })
  list(
    @Param('cycleId') cycleId: string,
    @Query() query: ListEntriesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.lists.list(cycleId, query, principal);
  }

  @Get('entries.csv')
  @Allow('admin', 'auditor')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The same list, every page, as CSV',
    description:
      "A text cell starting with =, +, -, @, tab or CR begins with ' so that a spreadsheet shows it rather than running it as a formula.",
  })
  exportCsv(
    @Param('cycleId') cycleId: string,
    @Query() query: ListEntriesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    return this.lists.csv(cycleId, query, principal);
  }

  @Get('dashboard')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Counts of entries per stage and status, cluster and group' })
  @ApiOkResponse({ type: EntriesDashboardDto })
  dashboard(@Param('cycleId') cycleId: string) {
    return this.lists.dashboard(cycleId);
  }
}
