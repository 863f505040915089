import { interviewParams } from './stage-params';
import type { ResolvedTemplate } from './competition-template';

/**
 * The outcomes that have ended entries by the time a stage opens: the closes of the stages before it recorded them,
 * though the entries' own workflows may not have applied them yet (they are told after the close, and apply it on
 * their own). A stage that opens the instant the one before it closed works from these, not from entries' status.
 */
export interface SettledOutcomes {
  /** A screening stage came before: an entry it failed has ended. */
  screened: boolean;
  /** Interview stages whose missed interviews eliminate: a no-show, absence or unreplaced release there ends it. */
  eliminatingInterviewStages: string[];
  /** Selection stages whose latest selection is the nominee list: an entry it did not select has ended. */
  selectionStages: string[];
}

/** The settled outcomes that a stage of the template opens on: those of every stage before it. */
export function settledOutcomesBefore(template: ResolvedTemplate, stageKey: string): SettledOutcomes {
  const before = template.stages.slice(
    0,
    template.stages.findIndex((stage) => stage.key === stageKey),
  );
  return {
    screened: before.some((stage) => stage.type === 'screening'),
    eliminatingInterviewStages: before
      .filter((stage) => stage.type === 'interview' && interviewParams(stage.params).noShow === 'eliminate')
      .map((stage) => stage.key),
    selectionStages: before.filter((stage) => stage.type === 'selection').map((stage) => stage.key),
  };
}
