import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from './access.decorators';
import { AuditEntryView, AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'hr')
  @ApiOkResponse({ description: 'Audit entries, newest first' })
  list(@Query() query: AuditQueryDto): Promise<{ total: number; items: AuditEntryView[] }> {
    return this.audit.list(query);
  }
}
