import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { CsvBody } from '../common/body-type';
import { AgencyDto, AgencyImportDto } from './agency.response.dto';
import { AgenciesService } from './agencies.service';
import { CreateAgencyRequestDto } from './create-agency.request.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'All agencies (instansi)' })
  @ApiOkResponse({ type: [AgencyDto] })
  list() {
    return this.agencies.list();
  }

  @Get(':code')
  @Allow('admin', 'auditor', 'agency', 'agency-unit')
  @ApiOperation({ summary: 'One agency; an agency sees only itself' })
  @ApiOkResponse({ type: AgencyDto })
  get(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.agencies.get(code, principal);
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Register an agency (409 when the code is taken)' })
  @ApiCreatedResponse({ type: AgencyDto })
  create(@Body() body: CreateAgencyRequestDto) {
    return this.agencies.create(body);
  }

  @Post('import')
  @Allow('admin')
  @CsvBody()
  @ApiBody({
    schema: {
      type: 'string',
      example: 'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language\n',
    },
  })
  @ApiCreatedResponse({ type: AgencyImportDto })
  @ApiOperation({
    summary: 'Import agencies from CSV: all rows or none; every bad row is reported with its line and reason (422)',
  })
  import(@Body() body: unknown) {
    if (typeof body !== 'string') {
      throw new DomainError(ErrorCode.ValidationFailed, 'Send the CSV file itself with Content-Type: text/csv.');
    }
    return this.agencies.import(body);
  }
}
