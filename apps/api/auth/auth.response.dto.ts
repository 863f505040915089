import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, ROLES } from '../../../libs/domain';

/** An account, without its password hash. */
export class AuthUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: [...ROLES] }) role: string;
  @ApiProperty({ type: String, nullable: true, description: 'The instansi an agency account acts for; else null' })
  agencyCode: string | null;
  @ApiProperty({
    type: String,
    enum: [...LANGUAGES],
    nullable: true,
    description: 'Portal language; null: never chosen',
  })
  language: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the secretariat disabled the account; null while it may sign in',
  })
  disabledAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class AuthSessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: [...ROLES] }) role: string;
  @ApiProperty({ type: String, nullable: true }) agencyCode: string | null;
}

/** A signed-in session: the bearer token and whose it is. */
export class AuthSessionDto {
  @ApiProperty({ description: 'A JWT to send as `Authorization: Bearer <token>`' }) accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: string;
  @ApiProperty({ type: AuthSessionUserDto }) user: AuthSessionUserDto;
}

/** Who the caller is. */
export class AuthPrincipalDto {
  @ApiProperty({ format: 'uuid', description: 'The user; for an API key, the user who created it' }) userId: string;
  @ApiProperty({ enum: [...ROLES] }) role: string;
  @ApiPropertyOptional({ description: 'Set for the agency role only: the instansi it acts for' }) agencyCode?: string;
  @ApiProperty({ enum: ['session', 'api-key'] }) via: string;
  @ApiProperty({
    type: String,
    enum: [...LANGUAGES],
    nullable: true,
    description: "The person's portal language (for an API key, its creator's); null while they never chose one",
  })
  language: string | null;
}

/** An agency API key, without its secret. */
export class AuthApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: Date | null;
}

export class AuthApiKeyCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ description: 'The key itself (`thp_…`), sent as X-API-Key; shown in this response only' })
  key: string;
}

export class AuthApiKeyRevokedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Always true' }) revoked: boolean;
}
