import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import {
  bookingsWhere,
  freeSlots,
  interviewStage,
  interviewStageKey,
  liveBooking,
  lockSchedule,
  schedulePanels,
  type BookingRow,
} from '../../../activities/interview/interview-data';
import { BY_ENGINE, schedulableEntries } from '../../../activities/interview/interview-stage.activities';
import {
  allocateInterviews,
  assertScoreSheet,
  DomainError,
  ErrorCode,
  formatInZone,
  instantToLocal,
  rubricFor,
  type FieldIssue,
  type Principal,
  type Zone,
} from '../../../libs/domain';
import { TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { AgencyEntity, CycleEntity, UserEntity } from '../../../libs/persistence';
import {
  confirmInterviewUpdate,
  moveInterviewUpdate,
  recordInterviewAttendanceUpdate,
  submitInterviewScoreUpdate,
} from '../../../workflows/entry.messages';
import type { DeskScoreRequestDto } from '../desk/desk-score.request.dto';
import { EntriesService } from '../entries/entries.service';
import type {
  InterviewAttendanceRequestDto,
  AvailabilityRequestDto,
  InterviewPanelsRequestDto,
  MoveInterviewRequestDto,
} from './interview.request.dto';

const HOUR = 3_600_000;

/**
 * Presentation and interview: panels and the days agencies cannot attend (both fixed once the schedule is made at
 * the stage's opening), the schedule and its re-derivation, and each entry's booking. Every change to a booking is
 * an Update on the entry's workflow; the API checks first what it can, so most mistakes never reach history.
 */
@Injectable()
export class InterviewService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly entries: EntriesService,
  ) {}

  private async stageOf(db: EntityManager, cycleId: string) {
    const cycle = await db.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    const stageKey = interviewStageKey(cycle);
    if (!stageKey) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no interview stage.`);
    return { stageKey, ...(await interviewStage(db, cycleId, stageKey)) };
  }

  private async refuseOnceScheduled(db: EntityManager, cycleId: string, stageKey: string, what: string) {
    const [{ made }] = await db.query<{ made: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2) AS made`,
      [cycleId, stageKey],
    );
    if (made) {
      throw new DomainError(
        ErrorCode.ScheduleFixed,
        `The interview schedule has been made; ${what} can no longer change. Agencies move their own slots instead.`,
      );
    }
  }

  /** Replaces the stage's panels; all or nothing, and only until the schedule is made. */
  async setPanels(cycleId: string, body: InterviewPanelsRequestDto) {
    return this.dataSource.transaction(async (tx) => {
      const { stageKey, params } = await this.stageOf(tx, cycleId);
      await lockSchedule(tx, cycleId, stageKey);
      await this.refuseOnceScheduled(tx, cycleId, stageKey, 'panels');
      const issues: FieldIssue[] = [];
      const keys = body.panels.map((panel) => panel.key);
      const expected = Array.from({ length: params.panels }, (_, index) => String(index + 1));
      if ([...keys].sort().join() !== [...expected].sort().join()) {
        issues.push({
          path: 'panels',
          message: `must be exactly the panels ${expected.join(', ')} (the template sits ${params.panels})`,
        });
      }
      const emails = body.panels.flatMap((panel) => panel.panelists.map((panelist) => panelist.email.toLowerCase()));
      const users = emails.length
        ? await tx
            .getRepository(UserEntity)
            .createQueryBuilder('user')
            .where('lower(user.email) IN (:...emails)', { emails })
            .getMany()
        : [];
      const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
      body.panels.forEach((panel, p) =>
        panel.panelists.forEach((panelist, i) => {
          const email = panelist.email.toLowerCase();
          const user = byEmail.get(email);
          const path = `panels[${p}].panelists[${i}].email`;
          if (!user) issues.push({ path, message: 'no account; create it with POST /users (role panelist)' });
          else if (user.role !== 'panelist')
            issues.push({ path, message: `is a ${user.role} account, not a panelist` });
          if (emails.indexOf(email) !== emails.lastIndexOf(email)) {
            issues.push({
              path,
              message: 'sits on more than one panel (or twice on one); panels sit at the same time',
            });
          }
        }),
      );
      if (issues.length > 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `The panels were not saved: ${issues[0].path} ${issues[0].message}.`,
          issues,
        );
      }
      await tx.query(`DELETE FROM interview_panels WHERE cycle_id = $1 AND stage_key = $2`, [cycleId, stageKey]);
      for (const panel of body.panels) {
        await tx.query(
          `INSERT INTO interview_panels (cycle_id, stage_key, panel_key, name, meeting_url) VALUES ($1, $2, $3, $4, $5)`,
          [cycleId, stageKey, panel.key, panel.name, panel.meetingUrl],
        );
        for (const panelist of panel.panelists) {
          await tx.query(
            `INSERT INTO interview_panelists (cycle_id, stage_key, panel_key, user_id, affiliations, province)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              cycleId,
              stageKey,
              panel.key,
              byEmail.get(panelist.email.toLowerCase())!.id,
              [...new Set(panelist.affiliations)],
              panelist.province ?? null,
            ],
          );
        }
      }
      return this.panelsIn(tx, cycleId, stageKey);
    });
  }

  async panels(cycleId: string) {
    const { stageKey } = await this.stageOf(this.dataSource.manager, cycleId);
    return this.panelsIn(this.dataSource.manager, cycleId, stageKey);
  }

  private panelsIn(db: EntityManager, cycleId: string, stageKey: string) {
    return db.query(
      `SELECT p.panel_key AS key, p.name, p.meeting_url AS "meetingUrl",
              coalesce(json_agg(json_build_object('userId', u.id, 'email', u.email, 'name', u.display_name,
                'affiliations', pp.affiliations, 'province', pp.province) ORDER BY u.email)
                FILTER (WHERE u.id IS NOT NULL), '[]') AS panelists
         FROM interview_panels p
         LEFT JOIN interview_panelists pp
           ON pp.cycle_id = p.cycle_id AND pp.stage_key = p.stage_key AND pp.panel_key = p.panel_key
         LEFT JOIN users u ON u.id = pp.user_id
        WHERE p.cycle_id = $1 AND p.stage_key = $2
        GROUP BY p.panel_key, p.name, p.meeting_url ORDER BY p.panel_key::int`,
      [cycleId, stageKey],
    );
  }

  /** The days an agency cannot attend, in its own zone; replaced wholesale, until the schedule is made. */
  async setAvailability(cycleId: string, body: AvailabilityRequestDto, by: Principal) {
    const agencyCode = by.role === 'agency' ? by.agencyCode! : body.agencyCode;
    if (!agencyCode) {
      throw new DomainError(ErrorCode.ValidationFailed, 'agencyCode must name the agency.', [
        { path: 'agencyCode', message: 'required when an admin declares for an agency' },
      ]);
    }
    return this.dataSource.transaction(async (tx) => {
      const { stageKey, stage } = await this.stageOf(tx, cycleId);
      await lockSchedule(tx, cycleId, stageKey);
      await this.refuseOnceScheduled(tx, cycleId, stageKey, 'unavailable days');
      const agency = await tx.getRepository(AgencyEntity).findOneBy({ code: agencyCode });
      if (!agency) throw new DomainError(ErrorCode.AgencyNotFound, `No agency "${agencyCode}".`);
      const first = instantToLocal(stage.opensAt, agency.zone).slice(0, 10);
      const last = instantToLocal(stage.closesAt, agency.zone).slice(0, 10);
      const issues = body.unavailableDays.flatMap((day, index) =>
        !isCalendarDate(day) || day < first || day > last
          ? [
              {
                path: `unavailableDays[${index}]`,
                message: `must be a date from ${first} to ${last} (the interview stage, ${agency.zone})`,
              },
            ]
          : [],
      );
      if (issues.length > 0) {
        throw new DomainError(ErrorCode.ValidationFailed, `${issues[0].path} ${issues[0].message}.`, issues);
      }
      await tx.query(`DELETE FROM interview_unavailable_days WHERE cycle_id = $1 AND agency_code = $2`, [
        cycleId,
        agencyCode,
      ]);
      const days = [...new Set(body.unavailableDays)].sort();
      if (days.length > 0) {
        await tx.query(
          `INSERT INTO interview_unavailable_days (cycle_id, agency_code, day, declared_by)
           SELECT $1, $2, unnest($3::date[]), $4`,
          [cycleId, agencyCode, days, by.userId],
        );
      }
      return { cycleId, agencyCode, zone: agency.zone, unavailableDays: days };
    });
  }

  /** The schedule: every live booking (an agency sees its own), and the entries that could not be placed and why. */
  async schedule(cycleId: string, by: Principal) {
    const db = this.dataSource.manager;
    const { stageKey, zone } = await this.stageOf(db, cycleId);
    const own = by.role === 'agency' ? by.agencyCode! : null;
    const bookings = await bookingsWhere(
      db,
      `b.cycle_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL
       AND ($3::text IS NULL OR b.entry_id IN (SELECT id FROM entries WHERE agency_code = $3))`,
      [cycleId, stageKey, own],
    );
    const zones = await this.agencyZones(bookings.map((booking) => booking.entryId));
    const unplaced = own
      ? []
      : await db.query(
          `SELECT u.entry_id AS "entryId", e.title, e.agency_code AS "agencyCode", u.reason
             FROM interview_unplaced u JOIN entries e ON e.id = u.entry_id
            WHERE u.cycle_id = $1 AND u.stage_key = $2
              AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.entry_id = u.entry_id
                                 AND b.stage_key = u.stage_key AND b.released_at IS NULL)
            ORDER BY e.title`,
          [cycleId, stageKey],
        );
    const [{ slots, free }] = await db.query<{ slots: number; free: number }[]>(
      `SELECT count(*)::int AS slots,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM interview_bookings b
                                                 WHERE b.slot_id = s.id AND b.released_at IS NULL))::int AS free
         FROM interview_slots s WHERE s.cycle_id = $1 AND s.stage_key = $2`,
      [cycleId, stageKey],
    );
    return {
      cycleId,
      stageKey,
      zone,
      slots,
      free,
      bookings: bookings.map((booking) => present(booking, zones.get(booking.entryId) ?? zone)),
      unplaced,
    };
  }

  /**
   * The schedule the opening made, derived again from the same inputs (the entries it saw, their declared days, the
   * panels and slots) and compared booking by booking: the same inputs must give the same schedule.
   */
  async verify(cycleId: string) {
    const db = this.dataSource.manager;
    const { stageKey, params } = await this.stageOf(db, cycleId);
    const made = await db.query<{ entry_id: string; slot_id: string | null }[]>(
      `SELECT b.entry_id, ev.to_slot_id AS slot_id FROM interview_booking_events ev
         JOIN interview_bookings b ON b.id = ev.booking_id
        WHERE b.cycle_id = $1 AND b.stage_key = $2 AND ev.kind = 'booked' AND ev.actor = $3
       UNION ALL
       SELECT entry_id, NULL FROM interview_unplaced WHERE cycle_id = $1 AND stage_key = $2`,
      [cycleId, stageKey, BY_ENGINE],
    );
    const seen = new Set(made.map((row) => row.entry_id));
    const entries = await schedulableEntries(db, cycleId, [...seen]);
    const slots = await db.query<{ id: string; panelKey: string; startsAt: Date; endsAt: Date }[]>(
      `SELECT id, panel_key AS "panelKey", starts_at AS "startsAt", ends_at AS "endsAt"
         FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2`,
      [cycleId, stageKey],
    );
    const again = allocateInterviews(
      slots.map((slot) => ({
        ...slot,
        startsAt: new Date(slot.startsAt).toISOString(),
        endsAt: new Date(slot.endsAt).toISOString(),
      })),
      entries,
      await schedulePanels(db, cycleId, stageKey),
      { sameProvince: params.conflictSameProvince, agencyHours: params.agencyHours },
    );
    const derived = new Map<string, string | null>([
      ...again.bookings.map((booking): [string, string | null] => [booking.entryId, booking.slotId]),
      ...again.unplaced.map((entry): [string, string | null] => [entry.entryId, null]),
    ]);
    const differences = made
      .filter((row) => derived.get(row.entry_id) !== row.slot_id)
      .map((row) => ({ entryId: row.entry_id, made: row.slot_id, derived: derived.get(row.entry_id) ?? null }));
    return { cycleId, stageKey, entries: made.length, identical: differences.length === 0, differences };
  }

  /** Free slots an agency could move to (after its cut-off), in its zone; admins see every free slot. */
  async freeSlotsFor(cycleId: string, by: Principal) {
    const db = this.dataSource.manager;
    const { stageKey, params, zone } = await this.stageOf(db, cycleId);
    const agency =
      by.role === 'agency' ? await db.getRepository(AgencyEntity).findOneBy({ code: by.agencyCode }) : null;
    const [{ now }] = await db.query<{ now: Date }[]>('SELECT now() AS now');
    const after = new Date(now.getTime() + (agency ? params.confirmHoursBefore * HOUR : 0));
    const shownIn = agency?.zone ?? zone;
    return (await freeSlots(db, cycleId, stageKey, after)).map((slot) => ({
      ...slot,
      startsAtLocal: formatInZone(new Date(slot.startsAt), shownIn),
    }));
  }

  /** The entry's live booking in its agency's zone, every change to it, and the interview scores (by role). */
  async booking(entryId: string, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const db = this.dataSource.manager;
    const { stageKey } = await this.stageOf(db, entry.cycleId);
    const zone = (await this.agencyZones([entryId])).get(entryId)!;
    const live = await liveBooking(db, entryId, stageKey);
    const history = await db.query(
      `SELECT ev.kind, ev.sequence, ev.from_slot_id AS "fromSlotId", ev.to_slot_id AS "toSlotId", ev.actor, ev.reason, ev.at
         FROM interview_booking_events ev JOIN interview_bookings b ON b.id = ev.booking_id
        WHERE b.entry_id = $1 AND b.stage_key = $2 ORDER BY ev.at, ev.id`,
      [entryId, stageKey],
    );
    const scores =
      by.role === 'agency'
        ? []
        : await db.query(
            `SELECT user_id AS "panelistId", version, scores, comment, weighted::float AS weighted, submitted_at AS "submittedAt"
               FROM interview_scores WHERE entry_id = $1 AND stage_key = $2 AND ($3::uuid IS NULL OR user_id = $3)
              ORDER BY user_id, version`,
            [entryId, stageKey, by.role === 'panelist' ? by.userId : null],
          );
    const [unplaced] = await db.query<{ reason: string }[]>(
      `SELECT reason FROM interview_unplaced WHERE entry_id = $1 AND stage_key = $2`,
      [entryId, stageKey],
    );
    return {
      entryId,
      stageKey,
      booking: live ? present(live, zone) : null,
      unplacedReason: live ? null : (unplaced?.reason ?? null),
      history,
      scores,
    };
  }

  async confirm(entryId: string, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    return this.client.workflow
      .getHandle(entry.workflowId)
      .executeUpdate(confirmInterviewUpdate, { args: [{ requestedBy: by.userId }] });
  }

  /**
   * An agency moves its slot (before its cut-off) or an admin books or moves one with a reason. A slot already
   * taken is refused at once with the free alternatives; a race for the last free slot is settled by the database.
   */
  async move(entryId: string, body: MoveInterviewRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const byAdmin = by.role === 'admin';
    if (byAdmin && !body.reason) {
      throw new DomainError(ErrorCode.ValidationFailed, 'reason must say why the secretariat books this slot.', [
        { path: 'reason', message: 'required when an admin books or moves' },
      ]);
    }
    const db = this.dataSource.manager;
    const { stageKey } = await this.stageOf(db, entry.cycleId);
    const [slot] = await db.query<{ starts_at: Date; taken: boolean }[]>(
      `SELECT s.starts_at, EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.released_at IS NULL
                                    AND b.entry_id <> $4) AS taken
         FROM interview_slots s WHERE s.id = $1 AND s.cycle_id = $2 AND s.stage_key = $3`,
      [body.slotId, entry.cycleId, stageKey, entryId],
    );
    if (!slot) throw new DomainError(ErrorCode.SlotNotFound, 'No such interview slot in this cycle.');
    if (slot.taken) {
      const alternatives = await this.freeSlotsFor(entry.cycleId, by);
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
          slotStartsAt: new Date(slot.starts_at).toISOString(),
          requestedBy: by.userId,
          byAdmin,
          reason: body.reason,
        },
      ],
    });
  }

  async attendance(entryId: string, body: InterviewAttendanceRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    return this.client.workflow.getHandle(entry.workflowId).executeUpdate(recordInterviewAttendanceUpdate, {
      args: [{ panelistId: by.userId, attendance: body.attendance }],
    });
  }

  async score(entryId: string, body: DeskScoreRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const { params, cycle } = await this.stageOf(this.dataSource.manager, entry.cycleId);
    const rubric = rubricFor(cycle.resolvedTemplate, entry.groupKey, params.rubric);
    assertScoreSheet(rubric, false, body.scores, body.comment);
    return this.client.workflow.getHandle(entry.workflowId).executeUpdate(submitInterviewScoreUpdate, {
      args: [{ panelistId: by.userId, scores: body.scores, comment: body.comment ?? null }],
    });
  }

  private async agencyZones(entryIds: string[]): Promise<Map<string, Zone>> {
    if (entryIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; zone: Zone }[]>(
      `SELECT e.id, a.zone FROM entries e JOIN agencies a ON a.code = e.agency_code WHERE e.id = ANY($1::uuid[])`,
      [entryIds],
    );
    return new Map(rows.map((row) => [row.id, row.zone]));
  }
}

/** `2024-02-30` parses (as 1 March), so a date is real only when it reads back the same. */
function isCalendarDate(day: string): boolean {
  const parsed = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day;
}

/** A booking as people read it: instants in UTC and in the agency's zone. */
function present(booking: BookingRow, zone: Zone) {
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
