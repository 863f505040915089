import type { FieldIssue } from '../error-codes';
import type { Group, StageParams } from '../template/competition-template';

export interface EntryDocument {
  title: string;
  summary: string;
  /** `YYYY-MM-DD`, the day the innovation started serving the public. */
  launchDate: string;
  evidenceLinks: string[];
  replicatesEntryId?: string | null;
  /** The same innovation's entry in an earlier cycle; checked against the database, not by these rules. */
  continuesEntryId?: string | null;
}

const DEFAULT_MAX_EVIDENCE_LINKS = 20;
const DEFAULT_MAX_SUMMARY_LENGTH = 5000;

/**
 * The template's eligibility rules for a registration (or an edit), each failure naming its field and rule.
 * Age is counted at the submission deadline: an innovation launched on 12 June 2022 is two years old for a
 * deadline of 11 June 2024 only from 12 June 2024, so it is refused.
 */
export function eligibilityIssues(
  params: StageParams,
  group: Group,
  document: EntryDocument,
  submissionClosesAt: Date,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const launched = Date.parse(`${document.launchDate}T00:00:00Z`);
  if (Number.isNaN(launched)) {
    issues.push({ path: 'launchDate', message: 'must be a date such as 2021-03-15' });
  } else if (launched > submissionClosesAt.getTime()) {
    issues.push({ path: 'launchDate', message: 'must not be after the submission deadline' });
  } else {
    const minAge = Number(params.minInnovationAgeYears ?? 0);
    const deadline = submissionClosesAt.toISOString().slice(0, 10);
    const latestLaunch = `${Number(deadline.slice(0, 4)) - minAge}${deadline.slice(4)}`;
    if (minAge > 0 && document.launchDate > latestLaunch) {
      issues.push({
        path: 'launchDate',
        message: `the innovation must have run at least ${minAge} years by the deadline: launched on or before ${latestLaunch}`,
      });
    }
  }
  const minLinks = Number(params.minEvidenceLinks ?? 0);
  const maxLinks = Number(params.maxEvidenceLinks ?? DEFAULT_MAX_EVIDENCE_LINKS);
  if (document.evidenceLinks.length < minLinks) {
    issues.push({ path: 'evidenceLinks', message: `at least ${minLinks} evidence links are required` });
  }
  if (document.evidenceLinks.length > maxLinks) {
    issues.push({ path: 'evidenceLinks', message: `at most ${maxLinks} evidence links are allowed` });
  }
  const maxSummary = Number(params.maxSummaryLength ?? DEFAULT_MAX_SUMMARY_LENGTH);
  if (document.summary.length > maxSummary) {
    issues.push({ path: 'summary', message: `must be at most ${maxSummary} characters` });
  }
  if (group.replication && !document.replicatesEntryId) {
    issues.push({
      path: 'replicatesEntryId',
      message: `group ${group.key} is for replications: name the original innovation's entry`,
    });
  }
  if (!group.replication && document.replicatesEntryId) {
    issues.push({ path: 'replicatesEntryId', message: `group ${group.key} is not for replications; leave it out` });
  }
  return issues;
}
