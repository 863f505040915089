import { In } from 'typeorm';
import { AgencyEntity } from '../entities';
import type { Db } from '../shared';

export const DRAFT_STATUSES = ['draft', 'in_review', 'returned', 'submitted'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** What a draft holds of the registration it may become; every field may still be incomplete. */
export interface DraftContent {
  groupKey: string | null;
  title: string;
  summary: string;
  launchDate: string | null;
  evidenceLinks: string[];
}

export interface DraftRow extends DraftContent {
  id: string;
  cycleId: string;
  agencyCode: string;
  createdBy: string;
  status: DraftStatus;
  reviewNote: string | null;
  reviewedBy: string | null;
  /** Raised by every save; a save that names an older revision was made over a change it did not see. */
  revision: number;
  entryId: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

const COLUMNS = `
  id, cycle_id AS "cycleId", agency_code AS "agencyCode", created_by AS "createdBy", group_key AS "groupKey", title,
  summary, to_char(launch_date, 'YYYY-MM-DD') AS "launchDate", evidence_links AS "evidenceLinks", status,
  review_note AS "reviewNote", reviewed_by AS "reviewedBy", revision, entry_id AS "entryId", created_at AS "createdAt",
  updated_at AS "updatedAt", submitted_at AS "submittedAt"`;

export async function insertDraft(
  db: Db,
  draft: { id: string; cycleId: string; agencyCode: string; createdBy: string } & DraftContent,
): Promise<DraftRow> {
  const [row] = await db.query<DraftRow[]>(
    `INSERT INTO entry_drafts (id, cycle_id, agency_code, created_by, group_key, title, summary, launch_date, evidence_links)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      draft.id,
      draft.cycleId,
      draft.agencyCode,
      draft.createdBy,
      draft.groupKey,
      draft.title,
      draft.summary,
      draft.launchDate,
      JSON.stringify(draft.evidenceLinks),
    ],
  );
  return row;
}

/** One draft; `forUpdate` inside a transaction that changes it, so two reviewers cannot act at once. */
export async function draftById(db: Db, id: string, forUpdate = false): Promise<DraftRow | undefined> {
  const [row] = await db.query<DraftRow[]>(
    `SELECT ${COLUMNS} FROM entry_drafts WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

/** An agency's drafts, newest first; `cycleId` narrows to one cycle. */
export async function draftsOfAgency(db: Db, agencyCode: string, cycleId?: string): Promise<DraftRow[]> {
  return db.query<DraftRow[]>(
    `SELECT ${COLUMNS} FROM entry_drafts
     WHERE agency_code = $1 AND ($2::text IS NULL OR cycle_id = $2)
     ORDER BY updated_at DESC`,
    [agencyCode, cycleId ?? null],
  );
}

/** Saves new content if the draft is still at `revision`; undefined when someone saved in between. */
export async function saveDraftContent(
  db: Db,
  id: string,
  revision: number,
  content: DraftContent,
): Promise<DraftRow | undefined> {
  // An UPDATE answers [rows, count].
  const [[row]] = await db.query<[DraftRow[], number]>(
    `UPDATE entry_drafts
     SET group_key = $3, title = $4, summary = $5, launch_date = $6, evidence_links = $7,
         revision = revision + 1, updated_at = now()
     WHERE id = $1 AND revision = $2 RETURNING ${COLUMNS}`,
    [
      id,
      revision,
      content.groupKey,
      content.title,
      content.summary,
      content.launchDate,
      JSON.stringify(content.evidenceLinks),
    ],
  );
  return row;
}

/** A review's step: to review, returned with a note, or submitted as `entryId`. */
export async function moveDraft(
  db: Db,
  id: string,
  change: { status: DraftStatus; reviewNote?: string | null; reviewedBy?: string | null; entryId?: string },
): Promise<DraftRow> {
  const [[row]] = await db.query<[DraftRow[], number]>(
    `UPDATE entry_drafts
     SET status = $2,
         review_note = CASE WHEN $3::boolean THEN $4 ELSE review_note END,
         reviewed_by = CASE WHEN $3::boolean THEN $5::uuid ELSE reviewed_by END,
         entry_id = COALESCE($6::uuid, entry_id),
         submitted_at = CASE WHEN $2 = 'submitted' THEN now() ELSE submitted_at END,
         revision = revision + 1, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      change.status,
      change.reviewNote !== undefined,
      change.reviewNote ?? null,
      change.reviewedBy ?? null,
      change.entryId ?? null,
    ],
  );
  return row;
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.query(`DELETE FROM entry_drafts WHERE id = $1 AND status <> 'submitted'`, [id]);
}

/** The agencies of a cycle with drafts not yet submitted, each with the titles of those drafts. */
export async function agenciesWithUnsubmittedDrafts(
  db: Db,
  cycleId: string,
): Promise<{ agency: AgencyEntity; titles: string[] }[]> {
  const rows = await db.query<{ agencyCode: string; titles: string[] }[]>(
    `SELECT agency_code AS "agencyCode", array_agg(title ORDER BY created_at) AS titles
     FROM entry_drafts WHERE cycle_id = $1 AND status <> 'submitted'
     GROUP BY agency_code ORDER BY agency_code`,
    [cycleId],
  );
  const agencies = await db.getRepository(AgencyEntity).findBy({ code: In(rows.map((row) => row.agencyCode)) });
  const byCode = new Map(agencies.map((agency) => [agency.code, agency]));
  return rows.map((row) => ({ agency: byCode.get(row.agencyCode)!, titles: row.titles }));
}
