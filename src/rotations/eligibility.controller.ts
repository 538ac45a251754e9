import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { EligibilityQueryDto } from './dto/rotation-requests.dto';
import { EligibilityService } from './eligibility.service';
import { writeMatrixCsv } from './matrix-csv.writer';
import { writeMatrixJson } from './matrix-json.writer';

/** The eligibility matrix (people × positions today) as JSON or CSV. */
@ApiTags('rotations')
@ApiBearerAuth()
@Controller('api/rotations')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get('eligibility')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOkResponse({
    description:
      'People × positions today (hr, admin: everyone; trainers and supervisors: their teams); 403 TEAM_NOT_MANAGED. Streamed: a workforce of 10,000 is about 20 MB.',
  })
  async matrix(
    @CurrentViewer() viewer: Viewer,
    @Query() query: EligibilityQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await writeMatrixJson(response, await this.eligibility.matrix(viewer, query));
  }

  @Get('eligibility.csv')
  @Roles('trainer', 'supervisor', 'hr', 'admin')
  @ApiOperation({
    summary: 'The eligibility matrix as CSV: one row per person and position',
    description:
      'Same filters and scope as GET /api/rotations/eligibility. Columns: user_id, name, email, team, current_position_id, position_id, position_title, status, is_current_position, reasons and warnings (joined with "; "). Audited as report.exported (eligibility-matrix) with the filters and row count.',
  })
  @ApiProduces('text/csv')
  async matrixCsv(
    @CurrentViewer() viewer: Viewer,
    @Query() query: EligibilityQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await writeMatrixCsv(response, await this.eligibility.matrix(viewer, query));
    await this.eligibility.recordExport(viewer, query, rows);
  }
}
