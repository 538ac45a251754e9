import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Role, ROLES } from '../role';
import { PageQueryDto } from '../../common/page-query.dto';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const lower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserDto {
  @ApiProperty({ example: 'new.hire@academy.local' })
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Dana Whitfield' })
  @Transform(trim)
  @IsString()
  @Length(1, 120)
  displayName!: string;

  @ApiPropertyOptional({ example: 'E-10423' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, {
    message: 'employeeNumber may hold letters, digits and dashes (1-40)',
  })
  employeeNumber?: string;

  @ApiPropertyOptional({ example: 'North' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  team?: string;

  @ApiPropertyOptional({ example: '2026-11' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  cohort?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['trainee'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], description: 'Teams a supervisor or trainer looks after' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @Length(1, 80, { each: true })
  managedTeams?: string[];

  @ApiProperty({ description: 'At least PASSWORD_MIN_LENGTH characters', format: 'password' })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    description:
      'The password is temporary: the person must choose their own at the next sign-in (until then every other route answers 403 PASSWORD_CHANGE_REQUIRED). Imported accounts always are.',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  mustChangePassword?: boolean;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const USER_STATUSES = [
  'active',
  'inactive',
  'temporary-password',
  'never-signed-in',
  'password-help',
  'erased',
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  cohort?: string;

  @ApiPropertyOptional({ description: 'matches email or name' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;

  @ApiPropertyOptional({
    enum: USER_STATUSES,
    description:
      'active or inactive accounts; temporary-password: active, still on a password someone else set; never-signed-in: active, no sign-in yet; password-help: active, asked for a new password from the sign-in page',
  })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;
}

export class LoginDto {
  @ApiProperty({ example: 'trainee@academy.local' })
  @Transform(lower)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'academy-demo', format: 'password' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) employeeNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) team!: string | null;
  @ApiProperty({ nullable: true, type: String }) cohort!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String] }) managedTeams!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Signed in with a temporary password: must choose their own' })
  mustChangePassword!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When they asked for a new password from the sign-in page (null once one is set)',
  })
  passwordHelpRequestedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When an admin erased the personal data (the account is then pseudonymous)',
  })
  erasedAt!: string | null;
}

export class PasswordHelpDto {
  @ApiProperty({ example: 'trainee@academy.local' })
  @Transform(lower)
  @IsString()
  @IsNotEmpty({ message: 'email must not be empty' })
  @MaxLength(254)
  email!: string;
}

/** The one answer to a request for a new password, whoever asked. */
export const PASSWORD_HELP_ANSWER =
  'If this address belongs to an account, the people who manage accounts have been asked to set you a new password. They will hand it to you.';

export class PasswordHelpView {
  @ApiProperty({ example: PASSWORD_HELP_ANSWER }) message!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    description: 'At least PASSWORD_MIN_LENGTH characters, not the current password',
  })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

export class SessionTokenView {
  @ApiProperty({ description: 'A new token: every earlier one of this person no longer works' })
  accessToken!: string;
  @ApiProperty({ description: 'Seconds until it expires' }) expiresIn!: number;
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty() expiresIn!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}

export class ImportResultView {
  @ApiProperty({ description: 'Accounts created, with their one-time temporary passwords' })
  created!: { id: string; email: string; temporaryPassword: string }[];
}

export class ErasureResultView {
  @ApiProperty() userId!: string;
  @ApiProperty() erasedAt!: string;
  @ApiProperty({
    description: 'Records changed per feature (users, courses, exams, simulations)',
    example: { users: 1, courses: 2, exams: 1, simulations: 6 },
  })
  records!: Record<string, number>;
}
