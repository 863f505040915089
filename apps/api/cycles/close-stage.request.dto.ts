import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CloseStageRequestDto {
  @ApiProperty({ example: 'admin@menpan.go.id', description: 'Who closes the stage; kept in the workflow history' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  requestedBy: string;
}
