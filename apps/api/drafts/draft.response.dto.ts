import { ApiProperty } from '@nestjs/swagger';
import { DRAFT_STATUSES } from '../../../libs/persistence/drafts';

export class DraftDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ format: 'uuid', description: 'The unit or Admin Lokal who started it' }) createdBy: string;
  @ApiProperty({ type: String, nullable: true }) group: string | null;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true, example: '2011-07-01' }) launchDate: string | null;
  @ApiProperty({ type: [String] }) evidenceLinks: string[];
  @ApiProperty({
    enum: DRAFT_STATUSES,
    description: '`draft` being written; `in_review` with the Admin Lokal; `returned` with a note; `submitted`',
  })
  status: string;
  @ApiProperty({ type: String, nullable: true, description: 'The Admin Lokal’s note when returned' })
  reviewNote: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The Admin Lokal who returned it last' })
  reviewedBy: string | null;
  @ApiProperty({ description: 'Send it back with the next save' }) revision: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The entry its submission registered' })
  entryId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: Date | null;
}
