import { formatInZone, type Zone } from '../../../libs/domain';
import type { BookingRow } from '../../../libs/persistence/interview';
import type { InterviewBookingViewDto } from './interview.response.dto';

/** A booking as people read it: instants in UTC and in the agency's zone. */
export function presentBooking(booking: BookingRow, zone: Zone): InterviewBookingViewDto {
  return {
    bookingId: booking.bookingId,
    entryId: booking.entryId,
    slotId: booking.slotId,
    panelKey: booking.panelKey,
    panelName: booking.panelName,
    meetingUrl: booking.meetingUrl,
    startsAt: new Date(booking.startsAt).toISOString(),
    endsAt: new Date(booking.endsAt).toISOString(),
    startsAtLocal: formatInZone(new Date(booking.startsAt), zone),
    sequence: booking.sequence,
    bookedBy: booking.bookedBy,
    reason: booking.reason,
    confirmedAt: booking.confirmedAt,
    attendance: booking.attendance,
  };
}
