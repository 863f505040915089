import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ROLES, type Principal } from '../../../libs/domain';
import { Allow } from './access.decorator';
import { AuthService } from './auth.service';
import { LanguageRequestDto } from './language.request.dto';
import { LoginRequestDto } from './login.request.dto';
import { ChangePasswordRequestDto } from './password.request.dto';
import { CurrentPrincipal } from './principal.decorator';
import { AuthPrincipalDto, AuthSessionDto } from './auth.response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Allow('public')
  @ApiOperation({
    summary:
      'Sign in; returns a short-lived bearer token (429 with Retry-After after repeated failures from one client)',
  })
  @ApiOkResponse({ type: AuthSessionDto })
  login(@Body() body: LoginRequestDto, @Req() request: Request) {
    return this.auth.login(body.email, body.password, request.ip ?? 'unknown');
  }

  @Get('me')
  @Allow(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token or API key belongs to' })
  @ApiOkResponse({ type: AuthPrincipalDto })
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
  }

  @Put('me/password')
  // A person's own password: every role that may write (an auditor's password is reset by the secretariat).
  @Allow(...ROLES.filter((role) => role !== 'auditor'))
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your password; every other session ends, and this answer carries a fresh one',
  })
  @ApiOkResponse({ type: AuthSessionDto })
  changePassword(@Body() body: ChangePasswordRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }

  @Put('me/language')
  // Every role that may write: the guard refuses an auditor every write, their own language included.
  @Allow(...ROLES.filter((role) => role !== 'auditor'))
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Keep the person's portal language, so it follows them to any browser (a signed-in person, not an API key)",
  })
  @ApiOkResponse({ type: AuthPrincipalDto })
  setLanguage(@Body() body: LanguageRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.auth.setLanguage(principal, body.language);
  }
}
