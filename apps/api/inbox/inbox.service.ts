import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, isAgencyRole, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import type { Db } from '../../../libs/persistence';
import {
  inboxNotice,
  inboxNotices,
  markNoticeRead,
  unreadNoticeCount,
  type InboxOwner,
} from '../../../libs/persistence/notify';

/** Whose notices a caller reads: an agency's, or a person's own (an evaluator's reminders). */
const mine = (principal: Principal): InboxOwner =>
  isAgencyRole(principal.role) ? { agencyCode: principal.agencyCode } : { userId: principal.userId };

/** The in-app inbox: every notice Tahap sent the caller's agency, or the caller. */
@Injectable()
export class InboxService {
  constructor(@Inject(DB) private readonly db: Db) {}

  list(principal: Principal) {
    return inboxNotices(this.db, mine(principal));
  }

  async unread(principal: Principal) {
    return { unread: await unreadNoticeCount(this.db, mine(principal)) };
  }

  async markRead(noticeId: number, principal: Principal) {
    const notice = await inboxNotice(this.db, mine(principal), String(noticeId));
    if (!notice) throw new DomainError(ErrorCode.NoticeNotFound, `No notice ${noticeId} in your inbox.`);
    if (!notice.readAt) await markNoticeRead(this.db, notice.id, new Date());
    return { id: notice.id, read: true };
  }
}
