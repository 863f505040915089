import { ApiProperty } from '@nestjs/swagger';

export class InboxUnreadCountDto {
  @ApiProperty() unread: number;
}

export class InboxReadDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [true] }) read: boolean;
}
