import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { userIdParam } from '../common/params';
import { Allow } from './access.decorator';
import { AuthUserDto } from './auth.response.dto';
import { CreateUserRequestDto } from './create-user.request.dto';
import { ResetPasswordRequestDto } from './password.request.dto';
import { CurrentPrincipal } from './principal.decorator';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'All accounts, disabled ones included' })
  @ApiOkResponse({ type: [AuthUserDto] })
  list() {
    return this.users.list();
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create an account; an agency account acts for one instansi' })
  @ApiCreatedResponse({ type: AuthUserDto })
  create(@Body() body: CreateUserRequestDto) {
    return this.users.create(body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary: 'Disable an account: it cannot sign in, and its tokens stop working at once (not your own account)',
  })
  @ApiOkResponse({ type: AuthUserDto })
  disable(@Param('id', userIdParam()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.users.change(id, { disabled: true }, principal);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Enable a disabled account again; its person signs in anew' })
  @ApiOkResponse({ type: AuthUserDto })
  enable(@Param('id', userIdParam()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.users.change(id, { disabled: false }, principal);
  }

  @Post(':id/sign-out')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'End every session of an account: tokens issued so far stop working at once' })
  @ApiOkResponse({ type: AuthUserDto })
  signOut(@Param('id', userIdParam()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.users.change(id, {}, principal);
  }

  @Put(':id/password')
  @Allow('admin')
  @ApiOperation({
    summary: 'Set a new password for someone who lost theirs (not your own: change that on /auth/me/password)',
    description: 'Every session of the account ends; hand the password over by a channel you trust.',
  })
  @ApiOkResponse({ type: AuthUserDto })
  resetPassword(
    @Param('id', userIdParam()) id: string,
    @Body() body: ResetPasswordRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.users.resetPassword(id, body.newPassword, principal);
  }
}
