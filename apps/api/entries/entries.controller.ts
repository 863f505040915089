import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntriesService } from './entries.service';
import { RegisterEntryRequestDto } from './register-entry.request.dto';

@ApiTags('entries')
@Controller()
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Post('cycles/:cycleId/entries')
  @ApiOperation({
    summary: 'Register an innovation while the submission stage is open (409 saying when it closed, otherwise)',
  })
  register(@Param('cycleId') cycleId: string, @Body() body: RegisterEntryRequestDto) {
    return this.entries.register(cycleId, body);
  }

  @Get('cycles/:cycleId/entries')
  @ApiOperation({ summary: 'Entries of a cycle' })
  list(@Param('cycleId') cycleId: string) {
    return this.entries.listForCycle(cycleId);
  }

  @Get('entries/:entryId')
  @ApiOperation({ summary: 'An entry with its status and stage history' })
  get(@Param('entryId', new ParseUUIDPipe()) entryId: string) {
    return this.entries.get(entryId);
  }
}
