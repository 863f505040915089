import { Module, type DynamicModule } from '@nestjs/common';
import type { TahapConfig } from '../../libs/config';
import { InfrastructureModule } from '../../libs/infrastructure';
import { TahapWorkerService } from './tahap-worker.service';
import { WORKFLOW_BUNDLE_PATH } from './worker.tokens';


@Module({})
export class WorkerModule {
  static forRoot(config: TahapConfig, options: { workflowBundlePath?: string } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfrastructureModule.forRoot(config)],
      providers: [{ provide: WORKFLOW_BUNDLE_PATH, useValue: options.workflowBundlePath }, TahapWorkerService],
    };
  }
}
