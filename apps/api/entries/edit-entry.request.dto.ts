import { PartialType } from '@nestjs/swagger';
import { EntryFieldsDto } from './register-entry.request.dto';

/** Any of the fields of registration; the rest stay as they are. */
export class EditEntryRequestDto extends PartialType(EntryFieldsDto) {}
