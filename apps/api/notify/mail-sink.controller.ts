import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { MailSinkService } from './mail-sink.service';
import { NotifySinkMessageDto } from './notify.response.dto';

/** What the local SMTP sink received (embedded default and tests); empty when SMTP_URL points at a real relay. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('mail-sink/messages')
export class MailSinkController {
  constructor(private readonly mailSink: MailSinkService) {}

  @Get()
  @Allow('admin')
  @ApiQuery({ name: 'to', required: false, description: 'Only messages to this address' })
  @ApiOperation({ summary: 'The latest 200 messages the local SMTP sink accepted' })
  @ApiOkResponse({ type: [NotifySinkMessageDto] })
  list(@Query('to') to?: string) {
    return this.mailSink.latest(to);
  }
}
