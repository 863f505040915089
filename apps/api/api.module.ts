import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig, TahapConfig } from '../../libs/config';
import { InfrastructureModule } from '../../libs/infrastructure';
import { AuditController } from './audit/audit.controller';
import { PlenaryController } from './plenary/plenary.controller';
import { PlenaryService } from './plenary/plenary.service';
import { AuditService } from './audit/audit.service';
import { AgenciesController } from './agencies/agencies.controller';
import { AccessGuard } from './auth/access.guard';
import { ApiKeysController } from './auth/api-keys.controller';
import { AUTH_CONFIG } from './auth/auth-config.token';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { CredentialsService } from './auth/credentials.service';
import { UsersController } from './auth/users.controller';
import { CyclesController } from './cycles/cycles.controller';
import { CyclesService } from './cycles/cycles.service';
import { RepetitionsController } from './cycles/repetitions.controller';
import { ScreeningController } from './cycles/screening.controller';
import { EntriesController } from './entries/entries.controller';
import { EntriesService } from './entries/entries.service';
import { EntryListsController } from './entries/entry-lists.controller';
import { LineageController } from './entries/lineage.controller';
import { LineageService } from './entries/lineage.service';
import { RegistrationService } from './entries/registration.service';
import { HealthController } from './health/health.controller';
import { InboxController } from './inbox/inbox.controller';
import { DeliveriesController } from './notify/deliveries.controller';
import { MailSinkController } from './notify/mail-sink.controller';
import { WebhooksController } from './notify/webhooks.controller';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';

import { NoticesService } from './notify/notices.service';
import { DeskEntriesController } from './desk/desk-entries.controller';
import { DeskScoringService } from './desk/desk-scoring.service';
import { EvaluatorsController } from './desk/evaluators.controller';
import { ObjectionsController } from './desk/objections.controller';
import { SelectionController } from './desk/selection.controller';
import { InterviewEntryController } from './interview/interview-entry.controller';
import { InterviewScheduleController } from './interview/interview-schedule.controller';
import { InterviewService } from './interview/interview.service';
import { FieldVisitsController } from './field-verification/field-visits.controller';
import { FieldVisitsService } from './field-verification/field-visits.service';

@Module({})
export class ApiModule {
  static forRoot(config: TahapConfig, auth: AuthConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [InfrastructureModule.forRoot(config)],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        ApiKeysController,
        TemplatesController,
        CyclesController,
        RepetitionsController,
        ScreeningController,
        AgenciesController,
        EntriesController,
        EntryListsController,
        LineageController,
        InboxController,
        WebhooksController,
        DeliveriesController,
        MailSinkController,
        EvaluatorsController,
        DeskEntriesController,
        SelectionController,
        ObjectionsController,
        InterviewScheduleController,
        InterviewEntryController,
        FieldVisitsController,
        AuditController,
        PlenaryController,
      ],
      providers: [
        { provide: AUTH_CONFIG, useValue: auth },
        { provide: APP_GUARD, useClass: AccessGuard },
        CredentialsService,
        AuthService,
        TemplatesService,
        CyclesService,
        EntriesService,
        RegistrationService,
        LineageService,
        DeskScoringService,
        NoticesService,
        InterviewService,
        FieldVisitsService,
        AuditService,
        PlenaryService,
      ],
    };
  }
}
