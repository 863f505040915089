import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PlenaryCorrectionDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ description: 'Its status in the decision corrected' }) from: string;
  @ApiProperty({ description: 'Its status in this decision' }) to: string;
}

export class PlenaryDecisionSummaryDto {
  @ApiProperty({ description: '1 for the plenary’s decision, 2, 3, … for its corrections' }) sequence: number;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ type: String, nullable: true, description: 'The decision number this one corrects' })
  supersedes: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a correction was made' }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) announcedAt: string | null;
  @ApiProperty({ description: 'SHA-256 of the decision’s canonical JSON export' }) sha256: string;
  @ApiProperty({ type: [PlenaryCorrectionDto] }) corrections: PlenaryCorrectionDto[];
}

export class PlenaryWinnerDto {
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: Number, nullable: true }) final: number | null;
}

export class PlenaryResultGroupDto {
  @ApiProperty() cluster: string;
  @ApiProperty() clusterName: string;
  @ApiProperty() group: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ type: [PlenaryWinnerDto] }) winners: PlenaryWinnerDto[];
}

export class PlenaryResultsDto extends PlenaryDecisionSummaryDto {
  @ApiProperty({ type: [PlenaryResultGroupDto] }) groups: PlenaryResultGroupDto[];
}

const VOTES = ['approve', 'reject', 'abstain'];
const FINALIST_STATUSES = ['winner', 'finalist', 'not-selected'];

export class PlenaryAttendanceDto {
  @ApiProperty({ type: [String], description: 'Ids of the panelists present now' }) present: string[];
}

export class PlenaryBallotDto {
  @ApiProperty({ format: 'uuid' }) panelistId: string;
  @ApiProperty({ enum: VOTES }) vote: string;
}

export class PlenaryVoteCountDto {
  @ApiProperty() approve: number;
  @ApiProperty() reject: number;
  @ApiProperty() abstain: number;
}

/** A proposal to move an entry into or out of the winners. */
export class PlenaryOverrideProposalDto {
  @ApiProperty({ example: 'override-1', description: 'What to vote on' }) overrideId: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction: string;
  @ApiProperty() reason: string;
  @ApiProperty() proposedBy: string;
  @ApiProperty({ enum: ['open', 'carried', 'rejected', 'lapsed'] }) status: string;
  @ApiProperty({ type: [PlenaryBallotDto] }) ballots: PlenaryBallotDto[];
  @ApiPropertyOptional({ type: PlenaryVoteCountDto, description: 'The count when it carried or was rejected' })
  votes?: PlenaryVoteCountDto;
}

/** The tally after a vote. */
export class PlenaryVoteOutcomeDto extends PlenaryVoteCountDto {
  @ApiProperty({ description: '`decision` or an override’s id' }) on: string;
  @ApiProperty({ description: 'Panelists present' }) present: number;
  @ApiPropertyOptional({ description: 'For an override: whether it carried with this vote' }) carried?: boolean;
  @ApiPropertyOptional({ description: 'For an override: whether at least half of those present now reject it' })
  rejected?: boolean;
}

/** The decision the plenary's close recorded. */
export class PlenaryRecordedDecisionDto {
  @ApiProperty({ example: '1/PKRI-2024' }) decisionNumber: string;
  @ApiProperty() sequence: number;
  @ApiProperty({ description: 'SHA-256 of the decision’s canonical JSON export' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class PlenaryDecisionPanelistDto {
  @ApiProperty({ format: 'uuid' }) panelistId: string;
  @ApiProperty() name: string;
}

export class PlenaryDecisionWeightsDto {
  @ApiProperty() desk: number;
  @ApiProperty() interview: number;
  @ApiProperty() fieldVerification: number;
}

export class PlenaryDecisionOverrideDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: PlenaryVoteCountDto }) votes: PlenaryVoteCountDto;
}

export class PlenaryEntryOverrideDto {
  @ApiProperty({ enum: ['in', 'out'] }) direction: string;
  @ApiProperty() reason: string;
}

export class PlenaryDecisionEntryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null for an entry without a final score' })
  rank: number | null;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: Number, nullable: true }) desk: number | null;
  @ApiProperty({ type: Number, nullable: true }) interview: number | null;
  @ApiProperty({ type: Number, nullable: true }) fieldVerification: number | null;
  @ApiProperty({ type: Number, nullable: true }) final: number | null;
  @ApiProperty({ enum: FINALIST_STATUSES }) status: string;
  @ApiPropertyOptional({ type: PlenaryEntryOverrideDto }) override?: PlenaryEntryOverrideDto;
}

export class PlenaryDecisionGroupDto {
  @ApiProperty() cluster: string;
  @ApiProperty() group: string;
  @ApiProperty() clusterName: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ type: [PlenaryDecisionEntryDto] }) entries: PlenaryDecisionEntryDto[];
}

/** A decision as its JSON export holds it (RFC 8785 canonical JSON). */
export class PlenaryDecisionDocumentDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() programme: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: '1/PKRI-2024' }) decisionNumber: string;
  @ApiProperty({ type: String, nullable: true, description: 'The number of the decision this one corrects' })
  supersedes: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the correction; null for a first decision' })
  reason: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ enum: ['WIB'] }) zone: string;
  @ApiProperty() quorum: number;
  @ApiProperty({ type: [PlenaryDecisionPanelistDto], description: 'Panelists present, the chair first' })
  present: PlenaryDecisionPanelistDto[];
  @ApiProperty({ type: PlenaryVoteCountDto, description: 'The vote adopting this decision' })
  votes: PlenaryVoteCountDto;
  @ApiProperty({ type: PlenaryDecisionWeightsDto }) weights: PlenaryDecisionWeightsDto;
  @ApiProperty({ description: 'How many of each cluster and group the ranking proposed as winners' }) topN: number;
  @ApiProperty({ type: [PlenaryDecisionOverrideDto] }) overrides: PlenaryDecisionOverrideDto[];
  @ApiProperty({ type: [PlenaryCorrectionDto] }) corrections: PlenaryCorrectionDto[];
  @ApiProperty({ type: [PlenaryDecisionGroupDto] }) groups: PlenaryDecisionGroupDto[];
}

export class PlenaryTieNoteDto {
  @ApiProperty({ format: 'uuid' }) withEntryId: string;
  @ApiProperty({ enum: ['above', 'below'] }) placed: string;
  @ApiProperty({ enum: ['interview', 'desk', 'launch-date', 'registration', 'entry-id'] }) rule: string;
  @ApiProperty({ description: 'In Indonesian' }) reason: string;
}

export class PlenaryWeightedDto {
  @ApiProperty({ type: Number, nullable: true }) desk: number | null;
  @ApiProperty({ type: Number, nullable: true }) interview: number | null;
  @ApiProperty({ type: Number, nullable: true }) fieldVerification: number | null;
}

/** A finalist in the plenary's ranked list, with its final score and the parts it is made of. */
export class PlenaryRankedEntryDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty() cluster: string;
  @ApiProperty() group: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date' }) launchDate: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Desk score, 0–100' }) desk: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Interview score, 0–100' }) interview: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Field verification score, 0–100' })
  fieldVerification: number | null;
  @ApiProperty({ type: PlenaryWeightedDto, description: 'Each score × its weight / 100; null where it is missing' })
  weighted: PlenaryWeightedDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Two decimals; null without every weighted score' })
  final: number | null;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ description: 'Proposed to the plenary as a winner (rank ≤ topN)' }) proposed: boolean;
  @ApiProperty({ type: [String] }) missing: string[];
  @ApiProperty({ type: [PlenaryTieNoteDto] }) ties: PlenaryTieNoteDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it has no rank, in Indonesian' })
  unrankedReason: string | null;
}

export class PlenaryRankedGroupDto {
  @ApiProperty() cluster: string;
  @ApiProperty() group: string;
  @ApiProperty({ type: [PlenaryRankedEntryDto] }) entries: PlenaryRankedEntryDto[];
}

export class PlenaryRankingDto {
  @ApiProperty({ type: PlenaryDecisionWeightsDto }) weights: PlenaryDecisionWeightsDto;
  @ApiProperty() topN: number;
  @ApiProperty({ type: [PlenaryRankedGroupDto] }) groups: PlenaryRankedGroupDto[];
}

export class PlenaryNamesDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Cluster key → name' })
  clusters: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Group key → name' })
  groups: Record<string, string>;
}

/** What the plenary opened with: the ranked list it decides on, its members and its quorum. */
export class PlenaryOpeningDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty() programme: string;
  @ApiProperty() year: number;
  @ApiProperty() quorum: number;
  @ApiProperty() topN: number;
  @ApiProperty({ type: PlenaryDecisionWeightsDto }) weights: PlenaryDecisionWeightsDto;
  @ApiProperty({ type: [PlenaryDecisionPanelistDto], description: 'The cycle’s panelists' })
  members: PlenaryDecisionPanelistDto[];
  @ApiProperty({ type: PlenaryRankingDto }) ranking: PlenaryRankingDto;
  @ApiProperty({ type: PlenaryNamesDto }) names: PlenaryNamesDto;
  @ApiProperty({ type: [String], description: 'Why this plenary cannot decide as it stands' }) problems: string[];
}

export class PlenaryDecisionBallotDto extends PlenaryBallotDto {
  @ApiProperty({ description: 'The version of the proposed list it was cast on' }) listVersion: number;
}

export class PlenaryOverrideStateDto extends PlenaryOverrideProposalDto {
  @ApiProperty({ type: PlenaryVoteCountDto, description: 'The votes of those present as they stand' })
  tally: PlenaryVoteCountDto;
}

/** The plenary as it stands. */
export class PlenaryStateDto {
  @ApiProperty({ enum: ['open', 'deciding', 'decided', 'adjourned'] }) status: string;
  @ApiProperty({ type: PlenaryOpeningDto }) opening: PlenaryOpeningDto;
  @ApiProperty({ type: [String], description: 'Ids of the panelists present now' }) present: string[];
  @ApiProperty({ description: 'Each carried override makes a new version; only votes on the current one count' })
  listVersion: number;
  @ApiProperty({ type: [PlenaryDecisionBallotDto] }) decisionBallots: PlenaryDecisionBallotDto[];
  @ApiProperty({ type: PlenaryVoteCountDto, description: 'The votes of those present on the list as it stands' })
  decisionVotes: PlenaryVoteCountDto;
  @ApiProperty({ type: [String], description: 'Ids of the winners as the list stands, carried overrides applied' })
  winners: string[];
  @ApiProperty({ type: [PlenaryOverrideStateDto] }) overrides: PlenaryOverrideStateDto[];
  @ApiPropertyOptional({ type: PlenaryRecordedDecisionDto }) decision?: PlenaryRecordedDecisionDto;
}
