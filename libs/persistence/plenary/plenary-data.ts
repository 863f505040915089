import type { FinalistScores, SettledOutcomes } from '../../domain';
import { entriesEndedBySettledOutcomes } from '../entries/settled-outcomes';
import type { PlenaryMember } from '../../../workflows/plenary.messages';
import type { Db } from '../shared/db';

/** A field visit's outcome as the verification score of the final score; `not-visited` is no score. */
export const FIELD_VERIFICATION_SCORE: Record<string, number | null> = {
  verified: 100,
  'partly-verified': 50,
  'not-verified': 0,
  'not-visited': null,
};

/** Round to 2 decimals inside 0–100: a desk score rescaled onto the pooled spread can pass the scale's ends. */
const onScale = (value: string | null) =>
  value === null ? null : Math.min(100, Math.max(0, Math.round(Number(value) * 100) / 100));

/**
 * Every entry still in the competition with the scores the final score weighs: the desk result (the mean of
 * normalised scores), the mean of each interview panelist's latest score, and the field visit's outcome. A launch
 * date the agency never gave sorts last in the launch-date tie-break. Still in the competition: active, and not
 * ended by an outcome the stages before settled (`entriesEndedBySettledOutcomes`).
 */
export async function finalistScores(db: Db, cycleId: string, settled: SettledOutcomes): Promise<FinalistScores[]> {
  const ended = await entriesEndedBySettledOutcomes(db, cycleId, settled);
  const rows = await db.query<
    {
      id: string;
      title: string;
      agency_code: string;
      agency_name: string;
      cluster: string;
      group_key: string;
      launch_date: string | null;
      created_at: Date;
      desk: string | null;
      interview: string | null;
      field_outcome: string | null;
    }[]
  >(
    `SELECT e.id, e.title, e.agency_code, a.name AS agency_name, e.cluster, e.group_key,
            to_char(e.launch_date, 'YYYY-MM-DD') AS launch_date, e.created_at,
            (SELECT avg(d.score) FROM desk_results d WHERE d.entry_id = e.id) AS desk,
            (SELECT avg(latest.weighted) FROM (
               SELECT DISTINCT ON (s.stage_key, s.user_id) s.weighted
                 FROM interview_scores s WHERE s.entry_id = e.id
                ORDER BY s.stage_key, s.user_id, s.version DESC) latest) AS interview,
            (SELECT v.outcome FROM field_visits v WHERE v.entry_id = e.id ORDER BY v.planned_at DESC LIMIT 1)
              AS field_outcome
       FROM entries e JOIN agencies a ON a.code = e.agency_code
      WHERE e.cycle_id = $1 AND e.status = 'active'
      ORDER BY e.id`,
    [cycleId],
  );
  return rows
    .filter((row) => !ended.has(row.id))
    .map((row) => ({
      entryId: row.id,
      title: row.title,
      agencyCode: row.agency_code,
      agencyName: row.agency_name,
      cluster: row.cluster,
      group: row.group_key,
      desk: onScale(row.desk),
      interview: onScale(row.interview),
      fieldVerification: row.field_outcome === null ? null : FIELD_VERIFICATION_SCORE[row.field_outcome],
      registeredAt: row.created_at.toISOString(),
      launchDate: row.launch_date ?? '9999-12-31',
    }));
}

/** The Tim Panel Independen of a cycle: everyone who sat on its interview panels or visited for it, by name. */
export async function plenaryMembers(db: Db, cycleId: string): Promise<PlenaryMember[]> {
  const rows = await db.query<{ id: string; display_name: string }[]>(
    `SELECT u.id, u.display_name FROM users u
      WHERE u.id IN (SELECT user_id FROM interview_panelists WHERE cycle_id = $1
                     UNION SELECT panelist_user_id FROM field_visits WHERE cycle_id = $1)
      ORDER BY u.display_name, u.id`,
    [cycleId],
  );
  return rows.map((row) => ({ panelistId: row.id, name: row.display_name }));
}
