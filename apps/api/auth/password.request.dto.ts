import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The rule every password meets, wherever it is set. */
function NewPassword(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minLength: 12, maxLength: 200 })(target, key);
    IsString()(target, key);
    MinLength(12, { message: `${String(key)} must be at least 12 characters` })(target, key);
    MaxLength(200, { message: `${String(key)} must be at most 200 characters` })(target, key);
  };
}

/** A person changes their own password. */
export class ChangePasswordRequestDto {
  @ApiProperty({ description: 'The password in use now' })
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword: string;

  @NewPassword()
  newPassword: string;
}

/** The secretariat sets a new password for someone who lost theirs, to hand over by a channel of its choosing. */
export class ResetPasswordRequestDto {
  @NewPassword()
  newPassword: string;
}
