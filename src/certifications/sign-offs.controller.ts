import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { SignOffDto } from './dto/certification.dto';
import { SignOffResult, SignOffsService, SignOffTask } from './sign-offs.service';

@ApiTags('certifications')
@ApiBearerAuth()
@Roles('supervisor', 'trainer')
@Controller('api')
export class SignOffsController {
  constructor(private readonly signOffs: SignOffsService) {}

  @Get('sign-offs')
  @ApiOperation({
    summary: 'People in your teams whose programme needs your sign-off, with the checklist',
    description:
      'A checklist is signed by a supervisor of the team unless its programme names other roles (signedBy).',
  })
  @ApiOkResponse({ description: 'SignOffTask[]' })
  tasks(@CurrentViewer() viewer: Viewer): Promise<SignOffTask[]> {
    return this.signOffs.tasks(viewer);
  }

  @Post('users/:userId/sign-offs')
  @ApiOperation({
    summary: 'Sign the observation checklist for a person in your teams',
    description:
      'Every item ticked completes the requirement; when it was the last one, the certificate is issued (certificateId).',
  })
  @ApiOkResponse({ description: '{ signOffId, complete, certificateId }' })
  sign(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: SignOffDto,
  ): Promise<SignOffResult> {
    return this.signOffs.sign(viewer, userId, dto);
  }
}
