import { replayFixtures, typesWithoutFixture, WORKFLOW_TYPES } from '../support/replay-fixtures';

describe('[structure] the replay fixtures cover every workflow type', () => {
  const fixtures = replayFixtures();

  it('[structure] the replay fixture check fails when a workflow type has no fixture', () => {
    expect(WORKFLOW_TYPES).toEqual(
      expect.arrayContaining(['cycleWorkflow', 'entryWorkflow', 'plenaryWorkflow', 'decisionCorrectionWorkflow']),
    );
    expect(typesWithoutFixture(fixtures)).toEqual([]);
    const withoutCorrections = fixtures.filter((fixture) => fixture.workflowType !== 'decisionCorrectionWorkflow');
    expect(typesWithoutFixture(withoutCorrections)).toEqual(['decisionCorrectionWorkflow']);
    expect(typesWithoutFixture([])).toEqual(WORKFLOW_TYPES);
  });
});
