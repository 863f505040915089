import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from '../../../libs/config';
import { AccessGuard } from './access.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AUTH_CONFIG } from './auth-config.token';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsService } from './credentials.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Sign-in, accounts and agency API keys, and the guard every route passes (deny unless @Allow says otherwise). */
@Module({})
export class AuthModule {
  static forRoot(auth: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      controllers: [AuthController, UsersController, ApiKeysController],
      providers: [
        { provide: AUTH_CONFIG, useValue: auth },
        { provide: APP_GUARD, useClass: AccessGuard },
        CredentialsService,
        AuthService,
        UsersService,
        ApiKeysService,
      ],
    };
  }
}
