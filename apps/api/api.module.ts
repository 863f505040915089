import { Module, type DynamicModule } from '@nestjs/common';
import type { AuthConfig, TahapConfig } from '../../libs/config';
import { InfrastructureModule } from '../../libs/infrastructure';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CyclesModule } from './cycles/cycles.module';
import { DeskModule } from './desk/desk.module';
import { DraftsModule } from './drafts/drafts.module';
import { EntriesModule } from './entries/entries.module';
import { FieldVerificationModule } from './field-verification/field-verification.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { InterviewModule } from './interview/interview.module';
import { NotifyModule } from './notify/notify.module';
import { PlenaryModule } from './plenary/plenary.module';
import { ScreeningModule } from './screening/screening.module';
import { TemplatesModule } from './templates/templates.module';

/** The HTTP API: one module per feature, in the order of the competition's cycle. */
@Module({})
export class ApiModule {
  static forRoot(config: TahapConfig, auth: AuthConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        InfrastructureModule.forRoot(config),
        HealthModule,
        AuthModule.forRoot(auth),
        AgenciesModule,
        TemplatesModule,
        CyclesModule,
        EntriesModule,
        DraftsModule,
        ScreeningModule,
        DeskModule,
        InterviewModule,
        FieldVerificationModule,
        PlenaryModule,
        NotifyModule,
        InboxModule,
        AuditModule,
      ],
    };
  }
}
