import { Module, type DynamicModule } from '@nestjs/common';
import type { TahapConfig } from '../../libs/config';
import { InfrastructureModule } from '../../libs/infrastructure';
import { TahapWorkerService } from './tahap-worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: TahapConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfrastructureModule.forRoot(config)],
      providers: [TahapWorkerService],
    };
  }
}
