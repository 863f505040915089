import { correctionWorkflowId, cycleId, entryWorkflowId, plenaryWorkflowId, workflowSubjects } from './ids';

describe('workflowSubjects', () => {
  const cycle = cycleId('kipp', 2067);
  const entry = '8d0adbfb-401e-422c-bd30-4d54d5848d2b';

  it('reads the cycle and the entry back out of the ids the builders make', () => {
    expect(workflowSubjects(cycle)).toEqual({ cycleId: 'cycle-kipp-2067' });
    expect(workflowSubjects(entryWorkflowId(cycle, entry))).toEqual({ cycleId: cycle, entryId: entry });
    expect(workflowSubjects(plenaryWorkflowId(cycle, 'pleno'))).toEqual({ cycleId: cycle });
    expect(workflowSubjects(correctionWorkflowId(cycle, 3))).toEqual({ cycleId: cycle });
  });

  it('keeps a programme code with a hyphen whole, and names nothing in an id of another shape', () => {
    expect(workflowSubjects(entryWorkflowId(cycleId('kipp-daerah', 2030), entry))).toEqual({
      cycleId: 'cycle-kipp-daerah-2030',
      entryId: entry,
    });
    expect(workflowSubjects('notice-batch-42')).toEqual({});
  });
});
