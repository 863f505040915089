import { ApiProperty } from '@nestjs/swagger';

export class ScreeningDecidedResponseDto {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ description: 'How many entries were decided (all of the request)' })
  decided: number;
}
