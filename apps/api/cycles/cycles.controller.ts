import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CloseStageRequestDto } from './close-stage.request.dto';
import { CreateCycleRequestDto } from './create-cycle.request.dto';
import { CyclesService } from './cycles.service';

@ApiTags('cycles')
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a cycle from a template version and start it; its stages then run on their calendar',
  })
  create(@Body() body: CreateCycleRequestDto) {
    return this.cycles.create(body.templateKey, body.templateVersion);
  }

  @Get()
  @ApiOperation({ summary: 'All cycles' })
  list() {
    return this.cycles.list();
  }

  @Get(':cycleId')
  @ApiOperation({ summary: 'A cycle and its stages, with each instant also shown in the stage zone' })
  get(@Param('cycleId') cycleId: string) {
    return this.cycles.get(cycleId);
  }

  @Post(':cycleId/stages/:stageKey/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the open stage now (409 when the stage is not open)' })
  close(@Param('cycleId') cycleId: string, @Param('stageKey') stageKey: string, @Body() body: CloseStageRequestDto) {
    return this.cycles.closeStageNow(cycleId, stageKey, body.requestedBy);
  }
}
