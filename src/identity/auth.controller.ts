import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Request } from 'express';
import { OpenWithTemporaryPassword, Public } from './access.decorators';
import { AuthService } from './auth.service';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponse,
  PASSWORD_HELP_ANSWER,
  PasswordHelpDto,
  PasswordHelpView,
  SessionTokenView,
  UserView,
} from './dto/user.dto';
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

  @Public()
  @Post('auth/password-help')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask for a new password (no mail is sent: hr and admins see the request and set a temporary password). The answer is the same whether or not the address has an account; 429 after repeated requests from one address.',
  })
  @ApiAcceptedResponse({ type: PasswordHelpView })
  async passwordHelp(
    @Body() dto: PasswordHelpDto,
    @Req() request: Request,
  ): Promise<PasswordHelpView> {
    await this.auth.requestPasswordHelp(dto.email, request.ip ?? 'unknown');
    return { message: PASSWORD_HELP_ANSWER };
  }

  @Get('me')
  @OpenWithTemporaryPassword()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentViewer() viewer: Viewer): Promise<UserView> {
    return toUserView(await this.users.get(viewer.id));
  }

  @Put('me/password')
  @OpenWithTemporaryPassword()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change my password (also the way out of a temporary one). Every other session and token of mine stops working; the answer carries a new token. 400 CURRENT_PASSWORD_WRONG at currentPassword (counts towards the sign-in lockout, 429), 400 at newPassword when too short or unchanged.',
  })
  @ApiOkResponse({ type: SessionTokenView })
  changePassword(
    @CurrentViewer() viewer: Viewer,
    @Body() dto: ChangePasswordDto,
    @Req() request: Request,
  ): Promise<SessionTokenView> {
    return this.auth.changePassword(viewer, dto, request.ip ?? 'unknown');
  }

  @Post('me/sign-out-everywhere')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'End every session of mine (other browsers, tokens handed to scripts); the answer carries a new token for this client',
  })
  @ApiOkResponse({ type: SessionTokenView })
  signOutEverywhere(@CurrentViewer() viewer: Viewer): Promise<SessionTokenView> {
    return this.auth.signOutEverywhere(viewer);
  }
}
