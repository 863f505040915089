import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as workflows from '../../workflows';

export const REPLAY_HISTORIES = join(__dirname, '..', 'replay', 'histories');

export interface ReplayFixture {
  file: string;
  workflowType: string;
  history: temporal.api.history.v1.IHistory;
}

/** The recorded histories that today's workflow code must replay (the 1.0 baseline and every one after it). */
export function replayFixtures(directory = REPLAY_HISTORIES): ReplayFixture[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const history = historyFromJSON(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      return { file, workflowType: started?.workflowType?.name ?? '(no start event)', history };
    });
}

/** Every workflow type the worker registers (workflows/index.ts). */
export const WORKFLOW_TYPES = Object.keys(workflows).sort();

/** The registered workflow types that no fixture covers: each must have at least one recorded history. */
export function typesWithoutFixture(fixtures: Pick<ReplayFixture, 'workflowType'>[], types = WORKFLOW_TYPES): string[] {
  const covered = new Set(fixtures.map((fixture) => fixture.workflowType));
  return types.filter((type) => !covered.has(type));
}
