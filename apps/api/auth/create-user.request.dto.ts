import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { isAgencyRole, ROLES, type Role } from '../../../libs/domain';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'operator@banyuwangikab.go.id' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Operator Kabupaten Banyuwangi' })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: 'Required for the agency and agency-unit roles, refused for the others' })
  @ValidateIf((body: CreateUserRequestDto) => isAgencyRole(body.role) || body.agencyCode !== undefined)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'agencyCode must be the code of an agency (a lowercase slug)' })
  @IsOptional()
  agencyCode?: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password: string;
}
