import { Inject, Injectable } from '@nestjs/common';
import { allocateInterviews, earliestStartBeforeCutOff, formatInZone, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  agencyZonesOf,
  allocatedPlacements,
  cycleInterviewStage,
  freeSlots,
  liveBookingsOfStage,
  schedulableEntries,
  schedulePanels,
  slotCounts,
  slotsOfStage,
  stillUnplaced,
} from '../../../libs/persistence/interview';
import type { Db } from '../../../libs/persistence/shared';
import { presentBooking } from './interview-booking.view';
import type {
  InterviewFreeSlotDto,
  InterviewScheduleDto,
  InterviewScheduleVerificationDto,
} from './interview.response.dto';
import { databaseNow } from '../../../libs/persistence/shared';
import { agencyByCode } from '../../../libs/persistence/agencies/agency-directory';
import { panelsSeenBy } from './panels-seen-by';

/** The schedule the opening made, its re-derivation, and the slots still free. */
@Injectable()
export class InterviewScheduleService {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The schedule: every live booking (an agency sees its own), and the entries that could not be placed and why. */
  async schedule(cycleId: string, by: Principal): Promise<InterviewScheduleDto> {
    const { stageKey, zone } = await cycleInterviewStage(this.db, cycleId);
    const own = by.role === 'agency' ? by.agencyCode! : null;
    const seen = await panelsSeenBy(this.db, cycleId, stageKey, by);
    const bookings = (await liveBookingsOfStage(this.db, cycleId, stageKey, own)).filter(
      (booking) => seen === 'all' || seen.has(booking.panelKey),
    );
    const zones = await agencyZonesOf(
      this.db,
      bookings.map((booking) => booking.entryId),
    );
    const unplaced = own || seen !== 'all' ? [] : await stillUnplaced(this.db, cycleId, stageKey);
    const { slots, free } = await slotCounts(this.db, cycleId, stageKey);
    return {
      cycleId,
      stageKey,
      zone,
      slots,
      free,
      bookings: bookings.map((booking) => presentBooking(booking, zones.get(booking.entryId) ?? zone)),
      unplaced,
    };
  }

  /**
   * The schedule the opening made, derived again from the same inputs (the entries it saw, their declared days, the
   * panels and slots, the agencies' interviews in other cycles) and compared booking by booking: the same inputs
   * must give the same schedule.
   */
  async verify(cycleId: string): Promise<InterviewScheduleVerificationDto> {
    const { stageKey, params } = await cycleInterviewStage(this.db, cycleId);
    const made = await allocatedPlacements(this.db, cycleId, stageKey);
    const seen = new Set(made.map((row) => row.entryId));
    const entries = await schedulableEntries(this.db, cycleId, [...seen], { presentationsOutside: true });
    const again = allocateInterviews(
      await slotsOfStage(this.db, cycleId, stageKey),
      entries,
      await schedulePanels(this.db, cycleId, stageKey),
      { sameProvince: params.conflictSameProvince, agencyHours: params.agencyHours },
    );
    const derived = new Map<string, string | null>([
      ...again.bookings.map((booking): [string, string | null] => [booking.entryId, booking.slotId]),
      ...again.unplaced.map((entry): [string, string | null] => [entry.entryId, null]),
    ]);
    const differences = made
      .filter((row) => derived.get(row.entryId) !== row.slotId)
      .map((row) => ({ entryId: row.entryId, made: row.slotId, derived: derived.get(row.entryId) ?? null }));
    return { cycleId, stageKey, entries: made.length, identical: differences.length === 0, differences };
  }

  /** Free slots an agency could move to (after its cut-off), in its zone; admins see every free slot. */
  async freeSlotsFor(cycleId: string, by: Principal): Promise<InterviewFreeSlotDto[]> {
    const { stageKey, params, zone } = await cycleInterviewStage(this.db, cycleId);
    const agency = by.role === 'agency' ? await agencyByCode(this.db, by.agencyCode!) : null;
    const now = await databaseNow(this.db);
    const after = agency ? earliestStartBeforeCutOff(now, params) : now;
    const shownIn = agency?.zone ?? zone;
    return (await freeSlots(this.db, cycleId, stageKey, after)).map((slot) => ({
      ...slot,
      startsAtLocal: formatInZone(new Date(slot.startsAt), shownIn),
    }));
  }
}
