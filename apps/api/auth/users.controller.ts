import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from './access.decorator';
import { CreateUserRequestDto } from './create-user.request.dto';
import { UsersService } from './users.service';
import { AuthUserDto } from './auth.response.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'All accounts' })
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
}
