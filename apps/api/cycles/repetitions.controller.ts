import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MONTHS, ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import type { YearlyCycleInput } from '../../../workflows/yearly-cycle.workflow';
import { Allow } from '../auth/access.decorator';
import { TemplatesService } from '../templates/templates.service';
import { RepetitionDeletedDto, RepetitionDto, RepetitionTriggeredDto } from './cycles.response.dto';
import { SetRepetitionRequestDto } from './set-repetition.request.dto';

const IANA_ZONE = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;

/**
 * A programme's yearly repetition is a Temporal Schedule (`yearly-<programme>`) whose action starts
 * yearlyCycleWorkflow: the next year's cycle from the chosen template version, on its calendar moved to that year.
 */
@ApiTags('cycles')
@ApiBearerAuth()
@Controller('repetitions')
export class RepetitionsController {
  constructor(
    private readonly templates: TemplatesService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  @Put(':programme')
  @Allow('admin')
  @ApiOperation({ summary: 'Start a cycle of this programme every year on a given day from a chosen template version' })
  @ApiOkResponse({ type: RepetitionDto })
  async set(@Param('programme') programme: string, @Body() body: SetRepetitionRequestDto) {
    const template = await this.templates.get(body.templateKey, body.templateVersion);
    if (template.definition.programme !== programme) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Template ${body.templateKey} is for programme "${template.definition.programme}", not "${programme}".`,
        [{ path: 'templateKey', message: `must be a template of programme ${programme}` }],
      );
    }
    const [hour, minute] = body.time.split(':').map(Number);
    const args: [YearlyCycleInput] = [{ templateKey: body.templateKey, templateVersion: body.templateVersion }];
    const options = {
      spec: {
        calendars: [{ month: MONTHS[body.month - 1], dayOfMonth: body.day, hour, minute }],
        timezone: IANA_ZONE[body.zone],
      },
      action: {
        type: 'startWorkflow' as const,
        workflowType: 'yearlyCycleWorkflow',
        workflowId: `yearly-${programme}`,
        taskQueue: this.config.taskQueue,
        args,
      },
      policies: { overlap: 'SKIP' as const, catchupWindow: '1 day' as const },
    };
    const handle = this.client.schedule.getHandle(scheduleId(programme));
    const exists = await handle.describe().then(
      () => true,
      (error: unknown) => (error instanceof ScheduleNotFoundError ? false : Promise.reject(error)),
    );
    if (exists) await handle.update((previous) => ({ ...previous, ...options }));
    else await this.client.schedule.create({ scheduleId: scheduleId(programme), ...options });
    return this.get(programme);
  }

  @Get(':programme')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'The yearly repetition of a programme, with its next start' })
  @ApiOkResponse({ type: RepetitionDto })
  async get(@Param('programme') programme: string) {
    const description = await this.describe(programme);
    return {
      programme,
      scheduleId: scheduleId(programme),
      template: description.action.type === 'startWorkflow' ? description.action.args?.[0] : undefined,
      calendar: description.spec.calendars?.[0],
      timezone: description.spec.timezone,
      nextStarts: description.info.nextActionTimes,
      recentStarts: description.info.recentActions.map((action) => ({
        at: action.takenAt,
        workflowId: action.action.workflow.workflowId,
      })),
    };
  }

  @Post(':programme/trigger')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Start the next cycle now, as the yearly schedule would' })
  @ApiAcceptedResponse({ type: RepetitionTriggeredDto })
  async trigger(@Param('programme') programme: string) {
    await this.describe(programme);
    await this.client.schedule.getHandle(scheduleId(programme)).trigger();
    return { programme, triggered: true };
  }

  @Delete(':programme')
  @Allow('admin')
  @ApiOperation({ summary: 'Stop repeating; cycles already started run on' })
  @ApiOkResponse({ type: RepetitionDeletedDto })
  async remove(@Param('programme') programme: string) {
    await this.describe(programme);
    await this.client.schedule.getHandle(scheduleId(programme)).delete();
    return { programme, deleted: true };
  }

  private describe(programme: string) {
    return this.client.schedule
      .getHandle(scheduleId(programme))
      .describe()
      .catch((error: unknown) => {
        if (error instanceof ScheduleNotFoundError) {
          throw new DomainError(ErrorCode.RepetitionNotFound, `Programme "${programme}" has no yearly repetition.`);
        }
        throw error;
      });
  }
}

function scheduleId(programme: string): string {
  return `yearly-${programme}`;
}
