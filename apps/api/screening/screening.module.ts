import { Module } from '@nestjs/common';
import { ScreeningController } from './screening.controller';
import { ScreeningService } from './screening.service';

/** Seleksi administrasi through the API: admins' screening decisions. */
@Module({ controllers: [ScreeningController], providers: [ScreeningService] })
export class ScreeningModule {}
