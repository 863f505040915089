import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { MailSinkMessageEntity } from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';

/** What the local SMTP sink received (embedded default and tests); empty when SMTP_URL points at a real relay. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('mail-sink/messages')
export class MailSinkController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow('admin')
  @ApiQuery({ name: 'to', required: false, description: 'Only messages to this address' })
  @ApiOperation({ summary: 'The latest 200 messages the local SMTP sink accepted' })
  list(@Query('to') to?: string) {
    const builder = this.dataSource
      .getRepository(MailSinkMessageEntity)
      .createQueryBuilder('message')
      .orderBy('message.id', 'DESC')
      .take(200);
    if (to) builder.where(':to = ANY(message.envelopeTo)', { to });
    return builder.getMany();
  }
}
