import {
  applyOverrides,
  CLUSTER_NAMES,
  decisionGroups,
  decisionNumber,
  settledOutcomesBefore,
  plenaryParams,
  quorumOf,
  rankFinalists,
  type CorrectionMove,
  type DecisionOverride,
  type DecisionPanelist,
  type PlenaryDecision,
  type VoteCount,
} from '../../libs/domain';
import {
  correctionOf,
  finalistScores,
  insertDecision,
  isDecisionRecorded,
  latestDecision,
  markAnnounced,
  plenaryMembers,
  recorded,
} from '../../libs/persistence/plenary';
import { cycleOrNotFound, inTransaction, type Db } from '../../libs/persistence/shared';
import type { PlenaryOpening, RecordedDecision } from '../../workflows/plenary.messages';
import { refusingAsFailure } from '../business-failure';

export interface RecordPlenaryDecisionInput {
  opening: PlenaryOpening;
  workflowId: string;
  decidedBy: string;
  decidedAt: string;
  present: DecisionPanelist[];
  votes: VoteCount;
  overrides: DecisionOverride[];
}

export interface RecordCorrectionInput {
  cycleId: string;
  supersedes: string;
  reason: string;
  moves: CorrectionMove[];
  requestedBy: string;
  workflowId: string;
  decidedAt: string;
}

/**
 * The plenary's steps that touch the database: the ranked list it opens with, recording its decision, announcing
 * it, and recording a correction. Decisions are rows that never change (a trigger refuses it); each is keyed by the
 * workflow that made it, so a retried activity writes nothing twice.
 */
export function createPlenaryActivities(db: Db) {
  return {
    async openPlenary({ cycleId, stageKey }: { cycleId: string; stageKey: string }): Promise<PlenaryOpening> {
      const cycle = await cycleOrNotFound(db, cycleId);
      const template = cycle.resolvedTemplate;
      const stage = template.stages.find((candidate) => candidate.key === stageKey)!;
      // The stages before the plenary have closed, but their outcomes may not have reached every entry yet.
      const settled = settledOutcomesBefore(template, stageKey);
      const params = plenaryParams(
        stage.params,
        template.stages.map((candidate) => candidate.type),
      );
      const members = await plenaryMembers(db, cycleId);
      const quorum = params.quorum ?? (members.length > 0 ? quorumOf(members.length) : 1);
      const problems: string[] = [];
      if (members.length < quorum) {
        problems.push(
          `the quorum is ${quorum} but the cycle has ${members.length} panelists, so the plenary cannot decide`,
        );
      }
      return {
        cycleId,
        stageKey,
        programme: template.programme,
        year: template.year,
        quorum,
        topN: params.topN,
        weights: params.weights,
        members,
        ranking: rankFinalists(await finalistScores(db, cycleId, settled), params.weights, params.topN),
        names: {
          clusters: CLUSTER_NAMES,
          groups: Object.fromEntries(template.groups.map((group) => [group.key, group.name])),
        },
        problems,
      };
    },

    async recordPlenaryDecision(input: RecordPlenaryDecisionInput): Promise<RecordedDecision> {
      const { opening } = input;
      const outcome = applyOverrides(
        opening.ranking,
        input.overrides.map(({ entryId, direction, reason }) => ({ entryId, direction, reason })),
      );
      const decision: PlenaryDecision = {
        cycleId: opening.cycleId,
        programme: opening.programme,
        year: opening.year,
        decisionNumber: decisionNumber(1, opening.programme, opening.year),
        supersedes: null,
        reason: null,
        decidedAt: input.decidedAt,
        zone: 'WIB',
        quorum: opening.quorum,
        present: input.present,
        votes: input.votes,
        weights: opening.weights,
        topN: opening.topN,
        overrides: input.overrides,
        corrections: [],
        groups: decisionGroups(outcome, opening.names),
      };
      return insertDecision(db, {
        cycleId: opening.cycleId,
        stageKey: opening.stageKey,
        sequence: 1,
        supersedesId: null,
        decision,
        workflowId: input.workflowId,
        decidedBy: input.decidedBy,
        announced: false,
      });
    },

    /** Makes the decision in force public; answers its number, or null when the plenary decided nothing. */
    async announceResults({ cycleId }: { cycleId: string; stageKey: string }) {
      const latest = await latestDecision(db, cycleId);
      if (!latest) return { decisionNumber: null };
      await markAnnounced(db, latest.id);
      return { decisionNumber: latest.decisionNumber };
    },

    async recordCorrection(input: RecordCorrectionInput): Promise<RecordedDecision> {
      return refusingAsFailure(() =>
        inTransaction(db, async (tx) => {
          if (await isDecisionRecorded(tx, input.workflowId)) return recorded(tx, input.workflowId);
          const { latest, decision } = await correctionOf(tx, input.cycleId, input, { lock: true });
          return insertDecision(tx, {
            cycleId: input.cycleId,
            stageKey: latest.stageKey,
            sequence: latest.sequence + 1,
            supersedesId: latest.id,
            decision,
            workflowId: input.workflowId,
            decidedBy: input.requestedBy,
            announced: true,
          });
        }),
      );
    },
  };
}

export type PlenaryActivities = ReturnType<typeof createPlenaryActivities>;
