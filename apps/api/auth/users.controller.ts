import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from './access.decorator';
import { CreateUserRequestDto } from './create-user.request.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'All accounts' })
  list() {
    return this.users.list();
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create an account; an agency account acts for one instansi' })
  create(@Body() body: CreateUserRequestDto) {
    return this.users.create(body);
  }
}
