import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import type { UserEntity } from '../../../libs/persistence';
import {
  cycleEvaluatorRows,
  cycleEvaluators,
  deskEvaluationHasOpened,
  saveCycleEvaluators,
} from '../../../libs/persistence/desk';
import { cycleOrNotFound, type Db } from '../../../libs/persistence/shared';
import { NoticesService } from '../notify/notices.service';
import type { AddEvaluatorsRequestDto } from './evaluators.request.dto';
import { usersByEmail } from '../../../libs/persistence/accounts';

/**
 * A cycle's evaluators and the affiliations they declare. Adding is all or nothing; adding someone again updates
 * their declaration. Each is told (inbox and e-mail) which affiliations they declared.
 */
@Injectable()
export class EvaluatorsService {
  constructor(
    @Inject(DB) private readonly db: Db,
    private readonly notices: NoticesService,
  ) {}

  async add(cycleId: string, body: AddEvaluatorsRequestDto, principal: Principal) {
    await cycleOrNotFound(this.db, cycleId);
    const emails = body.evaluators.map((evaluator) => evaluator.email.toLowerCase());
    const repeated = emails.findIndex((email, index) => emails.indexOf(email) !== index);
    if (repeated >= 0) {
      throw new DomainError(ErrorCode.ValidationFailed, `${emails[repeated]} is listed twice.`, [
        { path: `evaluators[${repeated}].email`, message: 'appears twice' },
      ]);
    }
    const users = await usersByEmail(this.db, emails);
    const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
    const problems = emails.flatMap((email, index) => {
      const user = byEmail.get(email);
      if (!user)
        return [
          { path: `evaluators[${index}].email`, message: 'no account; create it with POST /users (role evaluator)' },
        ];
      return user.role === 'evaluator'
        ? []
        : [{ path: `evaluators[${index}].email`, message: `is a ${user.role} account, not an evaluator` }];
    });
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.EvaluatorNotFound,
        `${problems.length} of the evaluators have no evaluator account; nobody was added.`,
        problems,
      );
    }
    await this.refuseChangedDeclarations(cycleId, body, byEmail);
    const rows = body.evaluators.map((evaluator) => ({
      cycleId,
      userId: byEmail.get(evaluator.email.toLowerCase())!.id,
      affiliations: [...new Set(evaluator.affiliations)],
      province: evaluator.province ?? null,
      zone: evaluator.zone ?? 'WIB',
      language: evaluator.language ?? 'id',
      addedBy: principal.userId,
    }));
    await saveCycleEvaluators(this.db, rows);
    await this.notices.send({ kind: 'evaluator-invited', cycleId, userIds: rows.map((row) => row.userId) });
    return cycleEvaluators(
      this.db,
      cycleId,
      rows.map((row) => row.userId),
    );
  }

  /**
   * Once desk evaluation has opened, assignments rest on the affiliations declared; changing them then would leave
   * a conflicted assignment in place. An evaluator declares a new conflict on the entry instead.
   */
  private async refuseChangedDeclarations(
    cycleId: string,
    body: AddEvaluatorsRequestDto,
    byEmail: Map<string, UserEntity>,
  ): Promise<void> {
    const opened = await deskEvaluationHasOpened(this.db, cycleId);
    if (!opened) return;
    const existing = new Map((await cycleEvaluatorRows(this.db, cycleId)).map((row) => [row.userId, row]));
    const problems = body.evaluators.flatMap((evaluator, index) => {
      const before = existing.get(byEmail.get(evaluator.email.toLowerCase())!.id);
      const same =
        !before ||
        ([...new Set(evaluator.affiliations)].sort().join() === [...before.affiliations].sort().join() &&
          (evaluator.province ?? null) === before.province);
      return same
        ? []
        : [{ path: `evaluators[${index}].affiliations`, message: 'cannot change once desk evaluation has opened' }];
    });
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.EvaluatorConflict,
        'Affiliations cannot change once desk evaluation has opened; the evaluator declares a conflict on the entry instead (POST /entries/{entryId}/conflicts).',
        problems,
      );
    }
  }

  /** The cycle's evaluators; an unknown cycle answers 404, not an empty list. */
  async list(cycleId: string) {
    await cycleOrNotFound(this.db, cycleId);
    return cycleEvaluators(this.db, cycleId);
  }
}
