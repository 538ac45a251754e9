import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Public } from './access.decorators';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponse, UserView } from './dto/user.dto';
import { toUserView, UsersService } from './users.service';
import { CurrentViewer, Viewer } from './viewer';

@ApiTags('identity')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({
    type: LoginResponse,
    description: '401 on wrong credentials, 429 after repeated failures',
  })
  async login(@Body() dto: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    const { accessToken, expiresIn, user } = await this.auth.login(
      dto.email,
      dto.password,
      request.ip ?? 'unknown',
    );
    return { accessToken, expiresIn, user: toUserView(user) };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentViewer() viewer: Viewer): Promise<UserView> {
    return toUserView(await this.users.get(viewer.id));
  }
}
