import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** What auditors read: histories, their timelines and replays, the audit log and the cycle's archive. */
@Module({
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}
