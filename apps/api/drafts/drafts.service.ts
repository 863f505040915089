import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  DomainError,
  draftReminderHours,
  draftRemindersWorkflowId,
  ErrorCode,
  isAgencyRole,
  type Principal,
} from '../../../libs/domain';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { agencyByCode } from '../../../libs/persistence/agencies/agency-directory';
import { lockOpenSubmission } from '../../../libs/persistence/cycles';
import {
  deleteDraft,
  draftById,
  draftsOfAgency,
  insertDraft,
  moveDraft,
  saveDraftContent,
  type DraftContent,
  type DraftRow,
  type DraftStatus,
} from '../../../libs/persistence/drafts';
import { cycleOrNotFound, inTransaction, type Db } from '../../../libs/persistence/shared';
import { fieldIssuesOf } from '../common/validation.pipe';
import { RegisterEntryRequestDto } from '../entries/register-entry.request.dto';
import { RegistrationService } from '../entries/registration.service';
import type { DraftContentRequestDto, SaveDraftRequestDto } from './draft.request.dto';

/** Who may do what to a draft, by its status: the unit (UPP) writes and sends; the Admin Lokal also returns and submits. */
const EDITABLE: Record<'agency' | 'agency-unit', DraftStatus[]> = {
  'agency-unit': ['draft', 'returned'],
  agency: ['draft', 'in_review', 'returned'],
};

/**
 * Drafts of registrations, SINOVIK's review inside an agency: a unit drafts and sends it to the agency's Admin Lokal,
 * who returns it with a note or submits it. Submission is a registration like any other (same rules, same deadline,
 * idempotent on the draft), so a draft never counts anywhere until then.
 */
@Injectable()
export class DraftsService {
  private readonly logger = new Logger(DraftsService.name);

  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
    private readonly registration: RegistrationService,
  ) {}

  async create(cycleId: string, body: DraftContentRequestDto, by: Principal) {
    const draft = await inTransaction(this.db, async (tx) => {
      const cycle = await cycleOrNotFound(tx, cycleId);
      const agency = (await agencyByCode(tx, by.agencyCode!))!;
      await lockOpenSubmission(tx, cycle, agency.zone);
      checkGroup(cycle.resolvedTemplate.groups, body.group);
      return insertDraft(tx, {
        id: randomUUID(),
        cycleId,
        agencyCode: agency.code,
        createdBy: by.userId,
        ...contentOf(body),
      });
    });
    await this.startReminders(cycleId);
    return present(draft);
  }

  /**
   * The cycle's draft reminders run once the first draft exists, when its template sets their offsets. A start that
   * fails is retried by the next draft; one already running is left alone.
   */
  private async startReminders(cycleId: string): Promise<void> {
    const cycle = await cycleOrNotFound(this.db, cycleId);
    const submission = cycle.resolvedTemplate.stages.find((stage) => stage.type === 'submission');
    if (draftReminderHours(submission?.params).length === 0) return;
    try {
      await this.client.workflow.start('draftRemindersWorkflow', {
        workflowId: draftRemindersWorkflowId(cycleId),
        taskQueue: this.config.taskQueue,
        args: [{ cycleId }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError))
        this.logger.warn(`Draft reminders of ${cycleId} not started: ${String(error)}`);
    }
  }

  /** The agency's drafts: all of them for its Admin Lokal, a unit's own for a unit. */
  async list(by: Principal, cycleId?: string) {
    const drafts = await draftsOfAgency(this.db, by.agencyCode!, cycleId);
    return drafts.filter((draft) => by.role === 'agency' || draft.createdBy === by.userId).map(present);
  }

  async get(id: string, by: Principal) {
    return present(await this.visible(this.db, id, by));
  }

  /** An autosave: refused when someone saved since `revision` was read, so no save overwrites another unseen. */
  async save(id: string, body: SaveDraftRequestDto, by: Principal) {
    return present(
      await inTransaction(this.db, async (tx) => {
        const draft = await this.visible(tx, id, by, true);
        this.expectStatus(draft, EDITABLE[agencyRole(by)], 'changed');
        const cycle = await cycleOrNotFound(tx, draft.cycleId);
        checkGroup(cycle.resolvedTemplate.groups, body.group);
        const saved = await saveDraftContent(tx, id, body.revision, contentOf(body));
        if (!saved) {
          throw new DomainError(
            ErrorCode.ConcurrentChange,
            `This draft was saved elsewhere after revision ${body.revision} (it is at ${draft.revision}); reload it to see that change before saving yours.`,
            [{ path: 'revision', message: `is ${draft.revision} now` }],
          );
        }
        return saved;
      }),
    );
  }

  async sendForReview(id: string, by: Principal) {
    return this.move(id, by, ['draft', 'returned'], 'sent for review', { status: 'in_review' });
  }

  async returnWithNote(id: string, note: string, by: Principal) {
    return this.move(id, by, ['draft', 'in_review'], 'returned', {
      status: 'returned',
      reviewNote: note,
      reviewedBy: by.userId,
    });
  }

  /**
   * Registers the draft's innovation as the agency's entry. The registration's own checks decide (the deadline in the
   * agency's zone, eligibility, one title per agency); its Idempotency-Key is the draft, so a repeat after a failure
   * between the two steps returns the same entry.
   */
  async submit(id: string, by: Principal) {
    const draft = await this.visible(this.db, id, by);
    if (draft.status === 'submitted') return present(draft);
    this.expectStatus(draft, EDITABLE.agency, 'submitted');
    const request = plainToInstance(RegisterEntryRequestDto, {
      group: draft.groupKey ?? '',
      title: draft.title,
      summary: draft.summary,
      launchDate: draft.launchDate ?? '',
      evidenceLinks: draft.evidenceLinks,
    });
    const issues = fieldIssuesOf(await validate(request));
    if (issues.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `The draft is not complete yet: ${issues.map((issue) => issue.message).join('; ')}`,
        issues,
      );
    }
    const { entry } = await this.registration.register(draft.cycleId, request, by, `draft-${draft.id}`);
    return present(
      await inTransaction(this.db, async (tx) => {
        const current = await this.visible(tx, id, by, true);
        if (current.status === 'submitted') return current;
        return moveDraft(tx, id, { status: 'submitted', entryId: entry.id });
      }),
    );
  }

  async discard(id: string, by: Principal) {
    await inTransaction(this.db, async (tx) => {
      const draft = await this.visible(tx, id, by, true);
      this.expectStatus(draft, EDITABLE[agencyRole(by)], 'discarded');
      await deleteDraft(tx, id);
    });
  }

  private async move(
    id: string,
    by: Principal,
    from: DraftStatus[],
    verb: string,
    change: Parameters<typeof moveDraft>[2],
  ) {
    return present(
      await inTransaction(this.db, async (tx) => {
        const draft = await this.visible(tx, id, by, true);
        this.expectStatus(draft, from, verb);
        return moveDraft(tx, id, change);
      }),
    );
  }

  /** The draft if the caller's agency holds it (a unit: only its own); "not found" otherwise. */
  private async visible(db: Db, id: string, by: Principal, forUpdate = false): Promise<DraftRow> {
    const draft = await draftById(db, id, forUpdate);
    const mine = draft && draft.agencyCode === by.agencyCode && (by.role === 'agency' || draft.createdBy === by.userId);
    if (!mine) throw new DomainError(ErrorCode.DraftNotFound, `No draft "${id}".`);
    return draft;
  }

  private expectStatus(draft: DraftRow, allowed: DraftStatus[], verb: string): void {
    if (!allowed.includes(draft.status)) {
      throw new DomainError(
        ErrorCode.DraftWrongState,
        `A draft that is ${STATUS_WORDS[draft.status]} cannot be ${verb}.`,
        [{ path: 'status', message: `is ${draft.status}` }],
      );
    }
  }
}

const STATUS_WORDS: Record<DraftStatus, string> = {
  draft: 'being written',
  in_review: 'with the Admin Lokal for review',
  returned: 'returned to the unit',
  submitted: 'already submitted',
};

function agencyRole(by: Principal): 'agency' | 'agency-unit' {
  if (!isAgencyRole(by.role)) throw new DomainError(ErrorCode.AuthForbidden, 'Drafts belong to agencies.');
  return by.role as 'agency' | 'agency-unit';
}

function checkGroup(groups: { key: string }[], group: string | null | undefined): void {
  if (group && !groups.some((candidate) => candidate.key === group)) {
    const keys = groups.map((candidate) => candidate.key).join(', ');
    throw new DomainError(ErrorCode.ValidationFailed, `group must be one of ${keys}.`, [
      { path: 'group', message: `must be one of ${keys}` },
    ]);
  }
}

function contentOf(body: DraftContentRequestDto): DraftContent {
  return {
    groupKey: body.group ?? null,
    title: body.title,
    summary: body.summary ?? '',
    launchDate: body.launchDate ?? null,
    evidenceLinks: body.evidenceLinks ?? [],
  };
}

/** A draft as the API shows it, in the template's word: `group`. */
function present(draft: DraftRow) {
  const { groupKey, ...rest } = draft;
  return { ...rest, group: groupKey };
}
