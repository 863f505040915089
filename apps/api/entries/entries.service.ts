import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { entryWorkflowInput } from '../../../activities/entry-workflow-input';
import type { TahapConfig } from '../../../libs/config';
import {
  canSeeEntry,
  DomainError,
  eligibilityIssues,
  entryWorkflowId,
  ErrorCode,
  type EntryDocument,
  type FieldIssue,
  type Principal,
} from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import {
  AgencyEntity,
  CycleEntity,
  CycleStageEntity,
  EntryAssignmentEntity,
  EntryEntity,
  EntryStageEventEntity,
  isUniqueViolation,
  lockOpenSubmission,
  ScreeningDecisionEntity,
} from '../../../libs/persistence';
import { editEntryUpdate, withdrawEntryUpdate, type EntryWorkflowInput } from '../../../workflows/entry.messages';
import type { EditEntryRequestDto } from './edit-entry.request.dto';
import type { RegisterEntryRequestDto } from './register-entry.request.dto';

export interface Registration {
  entry: ReturnType<typeof present>;
  /** True when an earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

function ineligible(issues: FieldIssue[]): DomainError {
  return new DomainError(
    ErrorCode.RegistrationIneligible,
    `The entry does not meet the rules: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`,
    issues,
  );
}

@Injectable()
export class EntriesService {
  private readonly logger = new Logger(EntriesService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  /**
   * One transaction checks that submission is open (under the stage row's lock, which the cycle's close also
   * takes), checks eligibility and inserts the entry; its workflow is started after the commit. Should that start
   * fail, the cycle's next fan-out starts it (signal-with-start), so a registered entry is never lost. A retry with
   * the same Idempotency-Key returns the entry the first request made; the natural key (one title per agency per
   * cycle) stops a retry without one.
   */
  async register(
    cycleId: string,
    request: RegisterEntryRequestDto,
    by: Principal,
    idempotencyKey?: string,
  ): Promise<Registration> {
    const agencyCode = this.registeringAgency(request, by);
    const fingerprint = idempotencyKey ? fingerprintOf(cycleId, agencyCode, request) : null;
    if (idempotencyKey) {
      const earlier = await this.replay(agencyCode, idempotencyKey, fingerprint!);
      if (earlier) return earlier;
    }
    let created: { entry: EntryEntity; input: EntryWorkflowInput };
    try {
      created = await this.dataSource.transaction((tx) =>
        this.insertEntry(tx, cycleId, agencyCode, request, idempotencyKey ?? null, fingerprint),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const earlier = idempotencyKey ? await this.replay(agencyCode, idempotencyKey, fingerprint!) : undefined;
      if (earlier) return earlier;
      throw new DomainError(
        ErrorCode.RegistrationDuplicate,
        `Agency ${agencyCode} already registered an innovation titled "${request.title.trim()}" in ${cycleId}.`,
        [{ path: 'title', message: 'already registered by this agency in this cycle' }],
      );
    }
    await this.startWorkflow(created.entry.workflowId, created.input);
    return { entry: present(created.entry, [], null), replayed: false };
  }

  private registeringAgency(request: RegisterEntryRequestDto, by: Principal): string {
    if (by.role === 'agency') {
      if (request.agencyCode && request.agencyCode !== by.agencyCode) {
        throw new DomainError(ErrorCode.AuthForbidden, 'An agency registers only for itself; leave agencyCode out.', [
          { path: 'agencyCode', message: 'must be your own agency or left out' },
        ]);
      }
      return by.agencyCode!;
    }
    if (!request.agencyCode) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'An admin registering on an agency’s behalf names agencyCode.',
        [{ path: 'agencyCode', message: 'required when an admin registers' }],
      );
    }
    return request.agencyCode;
  }

  private async replay(agencyCode: string, key: string, fingerprint: string): Promise<Registration | undefined> {
    const earlier = await this.dataSource.getRepository(EntryEntity).findOneBy({ agencyCode, idempotencyKey: key });
    if (!earlier) return undefined;
    if (earlier.requestFingerprint !== fingerprint) {
      throw new DomainError(
        ErrorCode.IdempotencyKeyReused,
        'This Idempotency-Key was used for a different registration; use a new key for a new request.',
        [{ path: 'Idempotency-Key', message: 'already used with another body' }],
      );
    }
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneByOrFail({ id: earlier.cycleId });
    await this.startWorkflow(earlier.workflowId, entryWorkflowInput(cycle, earlier));
    return { entry: await this.get(earlier.id, undefined), replayed: true };
  }

  private async insertEntry(
    tx: EntityManager,
    cycleId: string,
    agencyCode: string,
    request: RegisterEntryRequestDto,
    idempotencyKey: string | null,
    fingerprint: string | null,
  ) {
    const cycle = await tx.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    const agency = await tx.getRepository(AgencyEntity).findOneBy({ code: agencyCode });
    if (!agency) {
      throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${agencyCode}".`, [
        { path: 'agencyCode', message: 'unknown agency' },
      ]);
    }
    const group = cycle.resolvedTemplate.groups.find((candidate) => candidate.key === request.group);
    if (!group) {
      const groups = cycle.resolvedTemplate.groups.map((candidate) => candidate.key).join(', ');
      throw new DomainError(ErrorCode.ValidationFailed, `group must be one of ${groups} in ${cycleId}.`, [
        { path: 'group', message: `must be one of ${groups}` },
      ]);
    }
    const submission = await lockOpenSubmission(tx, cycle, agency.zone);
    const document = documentOf(request);
    await this.checkEligible(tx, cycle, submission, group.key, document, agencyCode);
    const id = randomUUID();
    await tx.getRepository(EntryEntity).insert({
      id,
      cycleId,
      agencyCode,
      ...document,
      groupKey: group.key,
      cluster: agency.cluster,
      status: 'active',
      currentStage: submission.key,
      workflowId: entryWorkflowId(cycleId, id),
      idempotencyKey,
      requestFingerprint: fingerprint,
    });
    const entry = await tx.getRepository(EntryEntity).findOneByOrFail({ id });
    return { entry, input: entryWorkflowInput(cycle, entry) };
  }

  /** The template's rules, and for a replication an original that exists, is another agency's, and is not withdrawn. */
  private async checkEligible(
    tx: EntityManager,
    cycle: CycleEntity,
    submission: CycleStageEntity,
    groupKey: string,
    document: EntryDocument,
    agencyCode: string,
  ): Promise<void> {
    const group = cycle.resolvedTemplate.groups.find((candidate) => candidate.key === groupKey)!;
    const params = cycle.resolvedTemplate.stages.find((stage) => stage.key === submission.key)!.params;
    const issues = eligibilityIssues(params, group, document, submission.closesAt);
    if (document.replicatesEntryId && issues.every((issue) => issue.path !== 'replicatesEntryId')) {
      const original = await tx
        .getRepository(EntryEntity)
        .findOneBy({ id: document.replicatesEntryId, status: Not('withdrawn') });
      if (!original) {
        issues.push({ path: 'replicatesEntryId', message: 'names no registered innovation' });
      } else if (original.agencyCode === agencyCode) {
        issues.push({ path: 'replicatesEntryId', message: 'a replication copies another agency’s innovation' });
      }
    }
    if (issues.length > 0) throw ineligible(issues);
  }

  /** Edits go through the entry's workflow (an Update), whose validator and activity refuse after submission. */
  async edit(entryId: string, changes: EditEntryRequestDto, by: Principal) {
    const entry = await this.changeableEntry(entryId, by);
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneByOrFail({ id: entry.cycleId });
    const submission = await this.dataSource
      .getRepository(CycleStageEntity)
      .findOneByOrFail({ cycleId: entry.cycleId, type: 'submission' });
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Nothing to change: send at least one field.');
    }
    const document = documentOf({ ...documentOf(entry), ...given });
    await this.checkEligible(this.dataSource.manager, cycle, submission, entry.groupKey, document, entry.agencyCode);
    const normalised = Object.fromEntries(Object.keys(given).map((key) => [key, document[key as keyof EntryDocument]]));
    await this.client.workflow
      .getHandle(entry.workflowId)
      .executeUpdate(editEntryUpdate, { args: [{ changes: normalised, requestedBy: by.userId }] });
    return this.get(entryId, by);
  }

  async withdraw(entryId: string, reason: string, by: Principal) {
    const entry = await this.changeableEntry(entryId, by);
    await this.client.workflow
      .getHandle(entry.workflowId)
      .executeUpdate(withdrawEntryUpdate, { args: [{ reason: reason.trim(), requestedBy: by.userId }] });
    return this.get(entryId, by);
  }

  /** A finished entry's workflow takes no Updates; say why instead of letting the call fail. */
  private async changeableEntry(id: string, by: Principal): Promise<EntryEntity> {
    const entry = await this.visibleEntry(id, by);
    if (entry.status !== 'active') {
      throw new DomainError(
        ErrorCode.EntryNotEditable,
        entry.status === 'withdrawn'
          ? 'The entry has been withdrawn.'
          : `The entry is ${entry.status} and can no longer be changed.`,
      );
    }
    return entry;
  }

  private async startWorkflow(workflowId: string, input: EntryWorkflowInput): Promise<void> {
    try {
      await this.client.workflow.start('entryWorkflow', {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.warn(
        `Entry ${input.entryId} is registered; its workflow will be started by the next stage fan-out (${String(error)})`,
      );
    }
  }

  /** The entry if the caller may see it; "not found" otherwise, so ids of others' entries reveal nothing. */
  async visibleEntry(id: string, by: Principal): Promise<EntryEntity> {
    const entry = await this.dataSource.getRepository(EntryEntity).findOneBy({ id });
    const assigned =
      entry && (by.role === 'evaluator' || by.role === 'panelist')
        ? (await this.dataSource.getRepository(EntryAssignmentEntity).findBy({ entryId: id })).map((a) => a.userId)
        : [];
    if (!entry || !canSeeEntry(by, entry, assigned))
      throw new DomainError(ErrorCode.EntryNotFound, `No entry "${id}".`);
    return entry;
  }

  /** `by` undefined: an internal read after an ownership check already made. */
  async get(id: string, by: Principal | undefined) {
    const entry = by
      ? await this.visibleEntry(id, by)
      : await this.dataSource.getRepository(EntryEntity).findOneByOrFail({ id });
    const [events, decision, screeningStage] = await Promise.all([
      this.dataSource
        .getRepository(EntryStageEventEntity)
        .find({ where: { entryId: id }, order: { occurredAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(ScreeningDecisionEntity).findOneBy({ entryId: id }),
      this.dataSource.getRepository(CycleStageEntity).findOneBy({ cycleId: entry.cycleId, type: 'screening' }),
    ]);
    // While screening is open a decision may still change; the agency sees it once the stage has closed.
    const visible = decision && (by?.role !== 'agency' || screeningStage?.status === 'closed') ? decision : null;
    return present(entry, events, visible);
  }
}

/** An entry as the API shows it. */
function present(entry: EntryEntity, events: EntryStageEventEntity[], screening: ScreeningDecisionEntity | null) {
  return {
    id: entry.id,
    cycleId: entry.cycleId,
    agencyCode: entry.agencyCode,
    title: entry.title,
    summary: entry.summary,
    launchDate: entry.launchDate,
    evidenceLinks: entry.evidenceLinks,
    replicatesEntryId: entry.replicatesEntryId,
    group: entry.groupKey,
    cluster: entry.cluster,
    status: entry.status,
    currentStage: entry.currentStage,
    workflowId: entry.workflowId,
    registeredAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    withdrawnAt: entry.withdrawnAt,
    screening: screening
      ? {
          outcome: screening.outcome,
          reason: screening.reason,
          decidedBy: screening.decidedBy,
          decidedAt: screening.decidedAt,
        }
      : null,
    stageHistory: events.map((event) => ({
      stage: event.stageKey,
      kind: event.kind,
      outcome: event.outcome,
      at: event.occurredAt,
    })),
  };
}

function documentOf(source: {
  title?: string;
  summary?: string;
  launchDate?: string | null;
  evidenceLinks?: string[];
  replicatesEntryId?: string | null;
}): EntryDocument {
  return {
    title: (source.title ?? '').trim(),
    summary: (source.summary ?? '').trim(),
    launchDate: source.launchDate ?? '',
    evidenceLinks: source.evidenceLinks ?? [],
    replicatesEntryId: source.replicatesEntryId ?? null,
  };
}

/** The request as it matters for idempotency: the same key must come with the same registration. */
function fingerprintOf(cycleId: string, agencyCode: string, request: RegisterEntryRequestDto): string {
  const { title, summary, launchDate, evidenceLinks, replicatesEntryId, group } = request;
  const canonical = JSON.stringify([
    cycleId,
    agencyCode,
    group,
    title,
    summary,
    launchDate,
    evidenceLinks,
    replicatesEntryId ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
