import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  assertInterviewScoreSheet,
  DomainError,
  ErrorCode,
  interviewCutOff,
  isAgencyRole,
  rubricFor,
  type InterviewScoreReceipt,
  type Principal,
} from '../../../libs/domain';
import { DB, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import {
  agencyZonesOf,
  bookingHistoryOf,
  cycleInterviewStage,
  interviewScoresOf,
  liveBooking,
  slotTakenByAnother,
  unplacedReasonOf,
} from '../../../libs/persistence/interview';
import type { Db } from '../../../libs/persistence/shared';
import { bookingCalendarFile, type NoticeAttachment } from '../../../libs/notify';
import {
  confirmInterviewUpdate,
  moveInterviewUpdate,
  recordInterviewAttendanceUpdate,
  submitInterviewScoreUpdate,
  type InterviewBooking,
} from '../../../workflows/entry.messages';
import { EntriesService } from '../entries/entries.service';
import { presentBooking } from './interview-booking.view';
import { InterviewScheduleService } from './interview-schedule.service';
import type {
  InterviewAttendanceRequestDto,
  InterviewScoreRequestDto,
  MoveInterviewRequestDto,
} from './interview.request.dto';
import type { EntryInterviewDto } from './interview.response.dto';

/**
 * Each entry's booking. Every change to a booking is an Update on the entry's workflow; the API checks first what
 * it can, so most mistakes never reach history.
 */
@Injectable()
export class InterviewBookingService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly entries: EntriesService,
    private readonly schedule: InterviewScheduleService,
  ) {}

  /** The entry's live booking in its agency's zone, every change to it, and the interview scores (by role). */
  async booking(entryId: string, by: Principal): Promise<EntryInterviewDto> {
    const entry = await this.entries.visibleEntry(entryId, by);
    const { stageKey, params } = await cycleInterviewStage(this.db, entry.cycleId);
    const zone = (await agencyZonesOf(this.db, [entryId])).get(entryId)!;
    const live = await liveBooking(this.db, entryId, stageKey);
    const history = await bookingHistoryOf(this.db, entryId, stageKey);
    const scores = isAgencyRole(by.role)
      ? []
      : await interviewScoresOf(this.db, entryId, stageKey, by.role === 'panelist' ? by.userId : null);
    const unplaced = await unplacedReasonOf(this.db, entryId, stageKey);
    return {
      entryId,
      stageKey,
      booking: live ? presentBooking(live, zone) : null,
      confirmBy: live ? interviewCutOff(new Date(live.startsAt), params).toISOString() : null,
      unplacedReason: live ? null : unplaced,
      history,
      scores,
    };
  }

  /** The live booking's calendar file (iCalendar REQUEST, the booking's UID and SEQUENCE), as its invitation carried it. */
  async calendar(entryId: string, by: Principal): Promise<NoticeAttachment> {
    const entry = await this.entries.visibleEntry(entryId, by);
    const { stageKey } = await cycleInterviewStage(this.db, entry.cycleId);
    const live = await liveBooking(this.db, entryId, stageKey);
    if (!live)
      throw new DomainError(ErrorCode.NotBooked, 'This entry has no interview booked, so there is no calendar file.');
    return bookingCalendarFile(this.db, live.bookingId);
  }

  async confirm(entryId: string, by: Principal): Promise<InterviewBooking> {
    const entry = await this.entries.visibleEntry(entryId, by);
    return this.client.workflow
      .getHandle(entry.workflowId)
      .executeUpdate(confirmInterviewUpdate, { args: [{ requestedBy: by.userId }] });
  }

  /**
   * An agency moves its slot (before its cut-off) or an admin books or moves one with a reason. A slot already
   * taken is refused at once with the free alternatives; a race for the last free slot is settled by the database.
   */
  async move(entryId: string, body: MoveInterviewRequestDto, by: Principal): Promise<InterviewBooking> {
    const entry = await this.entries.visibleEntry(entryId, by);
    const byAdmin = by.role === 'admin';
    if (byAdmin && !body.reason) {
      throw new DomainError(ErrorCode.ValidationFailed, 'reason must say why the secretariat books this slot.', [
        { path: 'reason', message: 'required when an admin books or moves' },
      ]);
    }
    const { stageKey } = await cycleInterviewStage(this.db, entry.cycleId);
    const slot = await slotTakenByAnother(this.db, body.slotId, entry.cycleId, stageKey, entryId);
    if (!slot) throw new DomainError(ErrorCode.SlotNotFound, 'No such interview slot in this cycle.');
    if (slot.taken) {
      const alternatives = await this.schedule.freeSlotsFor(entry.cycleId, by);
      throw new DomainError(
        ErrorCode.SlotTaken,
        `That slot is taken; ${alternatives.length} free slot(s) you could take are listed in "alternatives".`,
        [],
        { alternatives: alternatives.slice(0, 10) },
      );
    }
    return this.client.workflow.getHandle(entry.workflowId).executeUpdate(moveInterviewUpdate, {
      args: [
        {
          slotId: body.slotId,
          slotStartsAt: new Date(slot.startsAt).toISOString(),
          requestedBy: by.userId,
          byAdmin,
          reason: body.reason,
        },
      ],
    });
  }

  async attendance(entryId: string, body: InterviewAttendanceRequestDto, by: Principal): Promise<InterviewBooking> {
    const entry = await this.entries.visibleEntry(entryId, by);
    return this.client.workflow.getHandle(entry.workflowId).executeUpdate(recordInterviewAttendanceUpdate, {
      args: [{ panelistId: by.userId, attendance: body.attendance }],
    });
  }

  async score(entryId: string, body: InterviewScoreRequestDto, by: Principal): Promise<InterviewScoreReceipt> {
    const entry = await this.entries.visibleEntry(entryId, by);
    const { params, cycle } = await cycleInterviewStage(this.db, entry.cycleId);
    const rubric = rubricFor(cycle.resolvedTemplate, entry.groupKey, params.rubric);
    assertInterviewScoreSheet(rubric, body.scores, body.comment);
    return this.client.workflow.getHandle(entry.workflowId).executeUpdate(submitInterviewScoreUpdate, {
      args: [{ panelistId: by.userId, scores: body.scores, comment: body.comment ?? null }],
    });
  }
}
