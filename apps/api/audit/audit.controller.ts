import {
  Controller,
  Get,
  Header,
  Headers,
  HttpStatus,
  Logger,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { entryIdParam } from '../common/params';
import {
  AuditLogQueryDto,
  FindWorkflowsQueryDto,
  LanguageQueryDto,
  PointInTimeQueryDto,
  RunQueryDto,
} from './audit.query.dto';
import {
  AuditCrossCheckDto,
  AuditCycleReplayDto,
  AuditEntryStateDto,
  AuditLogRowDto,
  AuditLogVerdictDto,
  AuditRawHistoryDto,
  AuditSealDto,
  AuditTimelineDto,
  AuditWorkflowReplayDto,
  AuditWorkflowSearchDto,
} from './audit.response.dto';
import { AuditService } from './audit.service';
import { REPLAY_LINES_TYPE, replayLines } from './replay-lines';

const exportLogger = new Logger('AuditExport');
const replayLogger = new Logger('AuditReplay');

/**
 * An export that fails once bytes were sent is cut off (never ended, which would make it look complete); one that
 * fails before says so, as a server error rather than the default 400.
 */
function exportFailed(error: Error, response: { destroyed: boolean }): void {
  exportLogger.error(`The export failed: ${error.message}`, error.stack);
  if (response.destroyed) return;
  const raw = response as ServerResponse;
  if (raw.headersSent) {
    raw.destroy();
    return;
  }
  raw.statusCode = HttpStatus.SERVICE_UNAVAILABLE;
  raw.removeHeader('content-disposition');
  raw.setHeader('content-type', 'application/json; charset=utf-8');
  raw.end(JSON.stringify({ message: `The export failed before it began: ${error.message}` }));
}

/** Auditors (and admins) read everything here and change nothing. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('workflows')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'Find workflows by cycle, agency, stage, entry status, execution status and type' })
  @ApiOkResponse({ type: AuditWorkflowSearchDto })
  find(@Query() query: FindWorkflowsQueryDto) {
    return this.audit.find(query);
  }

  @Get('workflows/:workflowId/history')
  @Allow('auditor', 'admin')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'The raw history as Temporal writes it (historyToJSON): what replay and archives use' })
  @ApiOkResponse({ type: AuditRawHistoryDto, description: 'The JSON text of historyToJSON, sent as written' })
  rawHistory(@Param('workflowId') workflowId: string, @Query() { runId }: RunQueryDto): Promise<string> {
    return this.audit.rawHistory(workflowId, runId);
  }

  @Get('workflows/:workflowId/timeline')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'The history as a timeline a person can follow: who did what, when, and why' })
  @ApiOkResponse({ type: AuditTimelineDto })
  timeline(@Param('workflowId') workflowId: string, @Query() { lang, runId }: LanguageQueryDto) {
    return this.audit.timeline(workflowId, lang ?? 'id', runId);
  }

  // A replay reads and changes nothing, and auditors may only read: GET.
  @Get('workflows/:workflowId/replay')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'Replay the history on the current workflow code: OK, or the first event that diverges' })
  @ApiOkResponse({ type: AuditWorkflowReplayDto })
  replay(@Param('workflowId') workflowId: string, @Query() { runId }: RunQueryDto) {
    return this.audit.replay(workflowId, runId);
  }

  @Get('cycles/:cycleId/replay')
  @Allow('auditor', 'admin')
  @ApiOperation({
    summary: 'Replay every history of a cycle and summarise',
    description:
      `A national cycle takes minutes: ask for \`${REPLAY_LINES_TYPE}\` (\`Accept\`) to read it as it goes. ` +
      'An unknown cycle is refused before any line, as with JSON. Closing the connection stops the replay.',
  })
  @ApiExtraModels(AuditCycleReplayDto)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AuditCycleReplayDto) } },
      [REPLAY_LINES_TYPE]: {
        schema: {
          type: 'string',
          description:
            'One JSON object per line: `{"progress":{"replayed":n,"total":N}}` at once and then every second ' +
            '(`total` counts the workflows listed, some of which may not have started), and last `{"result":{…}}` ' +
            '(the JSON answer’s body) or `{"error":{"message":…}}`.',
        },
      },
    },
  })
  async replayCycle(
    @Param('cycleId') cycleId: string,
    @Headers('accept') accept: string | undefined,
  ): Promise<AuditCycleReplayDto | StreamableFile> {
    const replay = await this.audit.cycleReplay(cycleId);
    if (!accept?.toLowerCase().includes(REPLAY_LINES_TYPE)) return replay.run();
    const lines = replayLines(replay, (error) =>
      replayLogger.error(`The replay of ${cycleId} failed: ${error.message}`, error.stack),
    );
    return new StreamableFile(lines, { type: REPLAY_LINES_TYPE });
  }

  @Get('cycles/:cycleId/export')
  @Allow('auditor', 'admin')
  @ApiProduces('application/gzip')
  @ApiOperation({ summary: 'Every history of the cycle and its audit rows in one archive, with a SHA-256 manifest' })
  async exportCycle(@Param('cycleId') cycleId: string): Promise<StreamableFile> {
    const archive = await this.audit.exportCycle(cycleId);
    return new StreamableFile(archive, {
      type: 'application/gzip',
      disposition: `attachment; filename="${cycleId}-audit.tar.gz"`,
    }).setErrorHandler(exportFailed);
  }

  @Get('cycles/:cycleId/cross-check')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'Audit rows without their history event, and decision events without their audit row' })
  @ApiOkResponse({ type: AuditCrossCheckDto })
  crossCheck(@Param('cycleId') cycleId: string) {
    return this.audit.crossCheck(cycleId);
  }

  @Post('cycles/:cycleId/seal')
  @Allow('admin')
  @ApiOperation({
    summary:
      'Append to the audit log every decision of the cycle’s workflows not yet in it (cycles from before sealing)',
  })
  @ApiCreatedResponse({ type: AuditSealDto })
  seal(@Param('cycleId') cycleId: string) {
    return this.audit.sealCycle(cycleId);
  }

  @Get('entries/:entryId/state')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'An entry as its record stood right after an event of its history, or at an instant' })
  @ApiOkResponse({ type: AuditEntryStateDto })
  entryState(@Param('entryId', entryIdParam()) entryId: string, @Query() query: PointInTimeQueryDto) {
    return this.audit.entryState(entryId, { eventId: query.eventId, at: query.at });
  }

  @Get('log')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'Rows of the hash-chained audit log, in order' })
  @ApiOkResponse({ type: [AuditLogRowDto] })
  log(@Query() query: AuditLogQueryDto): Promise<AuditLogRowDto[]> {
    return this.audit.auditLog(query);
  }

  @Get('log/verify')
  @Allow('auditor', 'admin')
  @ApiOperation({ summary: 'Recompute the audit log’s hash chain; names the first broken row' })
  @ApiOkResponse({ type: AuditLogVerdictDto })
  verifyLog(): Promise<AuditLogVerdictDto> {
    return this.audit.verifyLog();
  }
}
