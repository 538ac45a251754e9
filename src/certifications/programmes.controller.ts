import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProgrammesService, ProgrammeView } from './programmes.service';

@ApiTags('certifications')
@ApiBearerAuth()
@Controller('api/programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get()
  @ApiOperation({
    summary: 'Every certification programme with its requirements and renewal terms',
  })
  @ApiOkResponse({ description: 'Programmes from content/programmes' })
  list(): ProgrammeView[] {
    return this.programmes.all().map((programme) => this.programmes.view(programme));
  }

  @Get(':programmeId')
  @ApiOperation({ summary: 'One programme: requirements (with links), validity, renewal window' })
  @ApiNotFoundResponse({ description: 'PROGRAMME_NOT_FOUND' })
  get(@Param('programmeId') programmeId: string): ProgrammeView {
    return this.programmes.view(this.programmes.get(programmeId));
  }
}
