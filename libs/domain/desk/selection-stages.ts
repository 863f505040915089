import type { ResolvedTemplate } from '../template/competition-template';
import { selectionParams } from '../template/stage-params';
import { parseTieBreaks, type SelectionRules } from './selection';

/** The desk stage whose results a selection stage ranks: the last desk evaluation before it. */
export function deskStageBefore(template: ResolvedTemplate, selectionStageKey: string): string | undefined {
  const position = template.stages.findIndex((stage) => stage.key === selectionStageKey);
  return template.stages
    .slice(0, position)
    .reverse()
    .find((stage) => stage.type === 'desk-evaluation')?.key;
}

/** The selection stage a stage (selection or objection) belongs to: itself, or the last selection before it. */
export function selectionStageFor(template: ResolvedTemplate, stageKey: string): string | undefined {
  const position = template.stages.findIndex((stage) => stage.key === stageKey);
  return template.stages
    .slice(0, position + 1)
    .reverse()
    .find((stage) => stage.type === 'selection')?.key;
}

export function selectionRulesOf(template: ResolvedTemplate, stageKey: string): SelectionRules {
  const params = selectionParams(template.stages.find((stage) => stage.key === stageKey)!.params);
  return { ...params, tieBreaks: params.tieBreaks ? parseTieBreaks(params.tieBreaks) : [] };
}
