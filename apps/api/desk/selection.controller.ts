import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import {
  DeskAssignmentCheckDto,
  DeskCycleAssignmentsDto,
  DeskMissingScoreDto,
  DeskResultDto,
  SelectionDto,
  SelectionNomineesDto,
} from './selection.response.dto';
import { SelectionService } from './selection.service';

/** Desk results, the ranked selection with an explanation per entry, and the published nominee list. */
@ApiTags('selection')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class SelectionController {
  constructor(private readonly selections: SelectionService) {}

  @Get('desk-assignments')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Every desk assignment of the cycle with its reason, and each evaluator’s load' })
  @ApiOkResponse({ type: DeskCycleAssignmentsDto })
  assignments(@Param('cycleId') cycleId: string) {
    return this.selections.assignments(cycleId);
  }

  @Get('desk-assignments/verify')
  @Allow('admin', 'auditor')
  @ApiOperation({
    summary: 'Derive the opening assignment again from its inputs and compare it with what was recorded',
  })
  @ApiOkResponse({ type: DeskAssignmentCheckDto })
  verifyAssignments(@Param('cycleId') cycleId: string) {
    return this.selections.verifyAssignments(cycleId);
  }

  @Get('desk-missing-scores')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Scores missing at the deadline and what was done about each, as the template says' })
  @ApiOkResponse({ type: [DeskMissingScoreDto] })
  missingScores(@Param('cycleId') cycleId: string) {
    return this.selections.missingScores(cycleId);
  }

  @Get('desk-results')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Each entry’s desk score: per evaluator raw and normalised, the mean, disagreement' })
  @ApiOkResponse({ type: [DeskResultDto] })
  results(@Param('cycleId') cycleId: string) {
    return this.selections.results(cycleId);
  }

  @Get('selection')
  @Allow('admin', 'auditor')
  @ApiQuery({ name: 'version', required: false, description: 'A past version; the latest when left out' })
  @ApiOperation({ summary: 'The ranked selection: for every entry its ranks, whether it is in, and why' })
  @ApiOkResponse({ type: SelectionDto })
  selection(@Param('cycleId') cycleId: string, @Query('version') version?: string) {
    return this.selections.selection(cycleId, version);
  }

  @Get('nominees')
  @Allow('public')
  @ApiOperation({
    summary: 'The published nominee list (public once the selection stage has closed; uji publik objects to it)',
  })
  @ApiOkResponse({ type: SelectionNomineesDto })
  nominees(@Param('cycleId') cycleId: string) {
    return this.selections.nominees(cycleId);
  }
}
