import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { MailSinkController } from './mail-sink.controller';
import { MailSinkService } from './mail-sink.service';
import { NoticesService } from './notices.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Notices, their deliveries, agencies' webhooks and preferences, and the local mail sink; NoticesService for all. */
@Module({
  controllers: [WebhooksController, DeliveriesController, MailSinkController],
  providers: [NoticesService, DeliveriesService, WebhooksService, MailSinkService],
  exports: [NoticesService],
})
export class NotifyModule {}
