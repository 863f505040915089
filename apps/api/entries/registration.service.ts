import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, entryWorkflowId, ErrorCode, type Principal } from '../../../libs/domain';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { isUniqueViolation } from '../../../libs/persistence';
import { agencyByCode } from '../../../libs/persistence/agencies/agency-directory';
import { existingCycle, lockOpenSubmission } from '../../../libs/persistence/cycles';
import { entryByIdempotencyKey, entryWorkflowInput, insertActiveEntry } from '../../../libs/persistence/entries';
import type { EntryEntity } from '../../../libs/persistence/entities';
import { cycleOrNotFound, inTransaction, type Db } from '../../../libs/persistence/shared';
import type { EntryWorkflowInput } from '../../../workflows/entry.messages';
import { checkEligible, documentOf, present } from './entry-document';
import type { RegisterEntryRequestDto } from './register-entry.request.dto';

export interface Registration {
  entry: ReturnType<typeof present>;
  /** True when an earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

/** Registration: eligibility, the submission window's lock, idempotency, and the entry's workflow. */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    @Inject(DB) private readonly db: Db,
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
      created = await inTransaction(this.db, (tx) =>
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
    const earlier = await entryByIdempotencyKey(this.db, agencyCode, key);
    if (!earlier) return undefined;
    if (earlier.requestFingerprint !== fingerprint) {
      throw new DomainError(
        ErrorCode.IdempotencyKeyReused,
        'This Idempotency-Key was used for a different registration; use a new key for a new request.',
        [{ path: 'Idempotency-Key', message: 'already used with another body' }],
      );
    }
    // Heal an entry whose workflow never started; a finished entry stays finished.
    if (earlier.status === 'active') {
      const cycle = await existingCycle(this.db, earlier.cycleId);
      await this.startWorkflow(earlier.workflowId, entryWorkflowInput(cycle, earlier));
    }
    return { entry: present(earlier, [], null), replayed: true };
  }

  private async insertEntry(
    tx: Db,
    cycleId: string,
    agencyCode: string,
    request: RegisterEntryRequestDto,
    idempotencyKey: string | null,
    fingerprint: string | null,
  ) {
    const cycle = await cycleOrNotFound(tx, cycleId);
    const agency = await agencyByCode(tx, agencyCode);
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
    await checkEligible(tx, cycle, submission, group.key, document, agencyCode);
    const id = randomUUID();
    const entry = await insertActiveEntry(tx, {
      id,
      cycleId,
      agencyCode,
      ...document,
      groupKey: group.key,
      cluster: agency.cluster,
      currentStage: submission.key,
      workflowId: entryWorkflowId(cycleId, id),
      idempotencyKey,
      requestFingerprint: fingerprint,
    });
    return { entry, input: entryWorkflowInput(cycle, entry) };
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
}

/** The request as it matters for idempotency: the same key must come with the same registration. */
function fingerprintOf(cycleId: string, agencyCode: string, request: RegisterEntryRequestDto): string {
  const { title, summary, launchDate, evidenceLinks, replicatesEntryId, continuesEntryId, group } = request;
  const canonical = JSON.stringify([
    cycleId,
    agencyCode,
    group,
    title,
    summary,
    launchDate,
    evidenceLinks,
    replicatesEntryId ?? null,
    // Appended only when given, so fingerprints stored before the field existed still match their retries.
    ...(continuesEntryId ? [continuesEntryId] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
