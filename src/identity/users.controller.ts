import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Request } from 'express';
import { Roles } from './access.decorators';
import {
  CreateUserDto,
  ErasureResultView,
  ImportResultView,
  ListUsersQueryDto,
  UpdateUserDto,
  UserView,
} from './dto/user.dto';
import { CredentialsService } from './credentials.service';
import { ErasureService } from './erasure.service';
import { UserImportService } from './user-import.service';
import { toUserView, UsersService } from './users.service';
import { CurrentViewer, Viewer } from './viewer';

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly userImport: UserImportService,
    private readonly credentials: CredentialsService,
    private readonly erasure: ErasureService,
  ) {}

  @Get()
  @Roles('admin', 'hr')
  @ApiOkResponse({ description: 'Users matching the filters, with the total count' })
  list(@Query() query: ListUsersQueryDto): Promise<{ total: number; items: UserView[] }> {
    return this.users.list(query);
  }

  // No @Roles: the guard's ownership rule lets people read themselves and staff read anyone.
  @Get(':userId')
  @ApiOkResponse({ type: UserView })
  async get(@Param('userId', ParseUUIDPipe) userId: string): Promise<UserView> {
    return toUserView(await this.users.get(userId));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserView })
  async create(@CurrentViewer() viewer: Viewer, @Body() dto: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.create(viewer, dto));
  }

  @Patch(':userId')
  @Roles('admin')
  @ApiOkResponse({ type: UserView })
  async update(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return toUserView(await this.users.update(viewer, userId, dto));
  }

  @Post(':userId/sign-out')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'End every session of this person (browsers and API tokens), e.g. after a lost laptop; audited as user.signed-out',
  })
  @ApiNoContentResponse()
  async signOut(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.credentials.signOutEverywhere(viewer, userId);
  }

  @Post(':userId/erase')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase a former member of staff’s personal data (cannot be undone)',
    description:
      'For a deactivated account only (409 USER_ACTIVE; 409 ALREADY_ERASED the second time). The account stays under a pseudonym with no way to sign in: name, email and employee number are replaced (also where audit entries quote them), and so are the person’s own words: role-play replies and the text their scores quote, written exam answers, course comments, reviewers’ notes on their replies, exam arrangements. Team, cohort, scores, results, certificates and positions stay. Audited as user.erased with the records changed per feature.',
  })
  @ApiOkResponse({ type: ErasureResultView })
  erase(
    @CurrentViewer() viewer: Viewer,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<ErasureResultView> {
    return this.erasure.erase(viewer, userId);
  }

  @Post('import')
  @Roles('admin', 'hr')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES } }))
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    description:
      'CSV with columns email,name,employee_number,team[,cohort]: as a multipart "file" field or a text/csv body',
  })
  @ApiCreatedResponse({
    type: ImportResultView,
    description: '422 with a per-row report when any row is bad; then nothing is created',
  })
  async import(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() request: Request,
  ): Promise<ImportResultView> {
    const csv = file
      ? file.buffer.toString('utf8')
      : typeof request.body === 'string'
        ? request.body
        : null;
    if (csv === null)
      throw new BadRequestException(
        'Send the CSV as a multipart "file" field or as a text/csv body',
      );
    return { created: await this.userImport.importCsv(viewer, csv) };
  }
}
