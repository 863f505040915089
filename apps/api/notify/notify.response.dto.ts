import { ApiProperty } from '@nestjs/swagger';

export class NotifyNoticeDto {
  @ApiProperty({ example: '42' }) id: string;
  @ApiProperty({ description: 'Workflow id plus event' }) key: string;
  @ApiProperty({ type: String, nullable: true }) agencyCode: string | null;
  @ApiProperty({ type: String, nullable: true }) recipientEmail: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) userId: string | null;
  @ApiProperty() kind: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['id', 'en'] }) language: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: { filename: { type: 'string' }, contentType: { type: 'string' }, content: { type: 'string' } },
  })
  attachment: { filename: string; contentType: string; content: string } | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt: Date | null;
}

export class NotifyDeliveryAttemptDto {
  @ApiProperty() id: string;
  @ApiProperty() deliveryId: string;
  @ApiProperty() at: Date;
  @ApiProperty({ enum: ['accepted', 'failed', 'gone', 'refused'] }) outcome: string;
  @ApiProperty() detail: string;
}

export class NotifyDeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty() noticeId: string;
  @ApiProperty({ description: '0 for the first delivery, 1, 2, … for re-sends' }) round: number;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel: string;
  @ApiProperty({ description: 'Comma-separated e-mail addresses, or a webhook endpoint id' }) target: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'disabled'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'The e-mail Message-ID or webhook-id, the same on every retry' }) messageId: string;
  @ApiProperty() runId: string;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [NotifyDeliveryAttemptDto] }) attemptLog: NotifyDeliveryAttemptDto[];
}

export class NotifyDeliveryPageDto {
  @ApiProperty({ type: [NotifyDeliveryDto] }) items: NotifyDeliveryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class NotifyNoticeDeliveriesDto {
  @ApiProperty({ type: NotifyNoticeDto }) notice: NotifyNoticeDto;
  @ApiProperty({ type: [NotifyDeliveryDto] }) deliveries: NotifyDeliveryDto[];
}

export class NotifyResendDto {
  @ApiProperty() noticeId: string;
  @ApiProperty() round: number;
  @ApiProperty({ description: 'How many deliveries the new round has' }) deliveries: number;
}

export class NotifyWebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: Date, nullable: true }) previousSecretUntil: Date | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) disabledReason: string | null;
  @ApiProperty() createdAt: Date;
}

export class NotifyCreatedWebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: string;
  @ApiProperty({ description: 'The signing secret; shown only here' }) secret: string;
}

export class NotifyRotatedSecretDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() secret: string;
  @ApiProperty({ description: 'Until then the old secret also signs' }) previousSecretValidUntil: Date;
}

export class NotifySinkMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) messageId: string | null;
  @ApiProperty() envelopeFrom: string;
  @ApiProperty({ type: [String] }) envelopeTo: string[];
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ type: String, nullable: true }) textBody: string | null;
  @ApiProperty({ type: String, nullable: true }) htmlBody: string | null;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        filename: { type: 'string', nullable: true },
        contentType: { type: 'string' },
        size: { type: 'number' },
      },
    },
  })
  attachments: { filename: string | null; contentType: string; size: number }[];
  @ApiProperty() receivedAt: Date;
}
