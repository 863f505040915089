import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateTemplateVersionRequestDto } from './create-template-version.request.dto';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'All template versions' })
  list() {
    return this.templates.list();
  }

  @Get(':key')
  @ApiOperation({ summary: 'The latest version of a template' })
  latest(@Param('key') key: string) {
    return this.templates.get(key);
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version of a template' })
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.templates.get(key, version);
  }

  @Post()
  @ApiOperation({ summary: 'Create a new version of a template (422 naming the field when invalid)' })
  create(@Body() body: CreateTemplateVersionRequestDto) {
    return this.templates.createVersion(body.definition);
  }
}
