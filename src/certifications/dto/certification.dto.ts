import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Reason } from '../../common/reason.dto';
import type { CertificateStatus } from '../engine';

const STATUSES = ['active', 'expiring', 'expired', 'revoked', 'superseded'] as const;

export class CertificateListQueryDto {
  @ApiPropertyOptional({ description: 'Programme id' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'programme must be a programme id' })
  programme?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: CertificateStatus;

  @ApiPropertyOptional({ description: 'Only the holders in this team' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  team?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class RevokeCertificateDto {
  @Reason('Why the certificate is withdrawn (kept in the ledger and audit log)', 1000)
  reason!: string;
}

export class SignOffDto {
  @ApiProperty({ description: 'Programme id' })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'programmeId must be a programme id' })
  programmeId!: string;

  @ApiProperty({ description: 'Checklist item ids observed', type: [String] })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? [value] : value === undefined ? [] : value,
  )
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  ticked!: string[];

  @ApiPropertyOptional({ description: 'What the supervisor observed' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class NoticeQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notices' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  unread?: boolean;
}

/** POST /api/badges/verify, in the shape of the W3C VC API's verify call. */
export class VerifyCredentialDto {
  @ApiProperty({
    description: 'The Open Badges 3.0 credential (JSON-LD) exactly as it was received',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  verifiableCredential!: Record<string, unknown>;
}

/** The verification page's form: the credential pasted as text. */
export class CredentialFormDto {
  @IsString()
  @IsNotEmpty({ message: 'Paste the credential (the JSON file a holder shared)' })
  @MaxLength(200_000)
  credential!: string;
}

export class IssuerKeyParams {
  @ApiProperty({ description: 'The key id (its public key in multibase, z6Mk…)' })
  @Matches(/^z[1-9A-HJ-NP-Za-km-z]{40,60}$/, { message: 'keyId must be a key id such as z6Mk…' })
  keyId!: string;
}

export class RevokeIssuerKeyDto {
  @Reason('Why the key is withdrawn (kept with the key and in the audit log)', 400)
  reason!: string;
}
