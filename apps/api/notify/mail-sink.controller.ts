import { Controller, Get, Param, ParseIntPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { MailSinkService, type SinkFile } from './mail-sink.service';
import { NotifySinkMessageDto } from './notify.response.dto';

const download = (file: SinkFile) =>
  new StreamableFile(file.content, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`,
  });

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

  @Get(':id/raw')
  @Allow('admin')
  @ApiProduces('message/rfc822')
  @ApiOperation({ summary: 'The message exactly as the sink received it, as an .eml file' })
  @ApiOkResponse({ schema: { type: 'string' } })
  async raw(@Param('id') id: string): Promise<StreamableFile> {
    return download(await this.mailSink.raw(id));
  }

  @Get(':id/attachments/:index')
  @Allow('admin')
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'One attachment of the message (0 is the first), with its own name and type' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async attachment(
    @Param('id') id: string,
    @Param('index', new ParseIntPipe({ errorHttpStatusCode: 400 })) index: number,
  ): Promise<StreamableFile> {
    return download(await this.mailSink.attachment(id, index));
  }
}
