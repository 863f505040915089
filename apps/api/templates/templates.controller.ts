import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { wholeNumber } from '../common/params';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorator';
import { CreateTemplateVersionRequestDto } from './create-template-version.request.dto';
import { TemplatesService } from './templates.service';
import { TemplateComparisonDto, TemplateVersionDto } from './templates.response.dto';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'All template versions' })
  @ApiOkResponse({ type: [TemplateVersionDto] })
  list() {
    return this.templates.list();
  }

  @Get(':key')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'The latest version of a template' })
  @ApiOkResponse({ type: TemplateVersionDto })
  latest(@Param('key') key: string) {
    return this.templates.get(key);
  }

  @Get(':key/versions/:version')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'One version of a template' })
  @ApiOkResponse({ type: TemplateVersionDto })
  version(@Param('key') key: string, @Param('version', wholeNumber('version')) version: number) {
    return this.templates.get(key, version);
  }

  @Get(':key/compare')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'What changed between two versions (?from=1&to=2), field by field' })
  @ApiOkResponse({ type: TemplateComparisonDto })
  compare(
    @Param('key') key: string,
    @Query('from', wholeNumber('from')) from: number,
    @Query('to', wholeNumber('to')) to: number,
  ) {
    return this.templates.compare(key, from, to);
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create a new version of a template (422 naming the field when invalid)' })
  @ApiCreatedResponse({ type: TemplateVersionDto })
  create(@Body() body: CreateTemplateVersionRequestDto) {
    return this.templates.createVersion(body.definition);
  }
}
