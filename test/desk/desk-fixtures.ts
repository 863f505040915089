import { compressCalendar, PKRI_2024, type CompetitionTemplate, type StageParams } from '../../libs/domain';
import { type Stack } from '../support/stack';

export const STAGES = {
  submission: 'pendaftaran',
  desk: 'evaluasi-desk',
  selection: 'penetapan-finalis',
  objection: 'uji-publik',
};

/**
 * PKRI 2024's submission, desk and selection stages plus an objection window (KIPP's uji publik), compressed to
 * the given seconds from now. Tests close long stages early as an admin would, so they wait only as long as needed.
 */
export function deskTemplate(
  year: number,
  seconds: { submission: number; desk: number; selection: number; objection: number },
  params: { desk?: StageParams; selection?: StageParams },
): CompetitionTemplate {
  const pick = (key: string) => PKRI_2024.stages.find((stage) => stage.key === key)!;
  const selection = pick(STAGES.selection);
  const template: CompetitionTemplate = {
    ...PKRI_2024,
    key: `desk-test-${year}`,
    year,
    stages: [
      pick(STAGES.submission),
      { ...pick(STAGES.desk), params: { evaluatorsPerEntry: 2, ...params.desk } },
      { ...selection, params: params.selection ?? {} },
      { key: STAGES.objection, type: 'objection', name: 'Uji Publik', window: selection.window },
    ],
  };
  return {
    ...compressCalendar(template, {
      startAt: new Date(),
      stageSeconds: {
        [STAGES.submission]: seconds.submission,
        [STAGES.desk]: seconds.desk,
        [STAGES.selection]: seconds.selection,
        [STAGES.objection]: seconds.objection,
      },
    }),
  };
}

/** Evaluator accounts added to the cycle with the given affiliations. */
export async function addEvaluators(
  stack: Stack,
  cycleId: string,
  specs: { affiliations: string[]; province?: string }[],
): Promise<{ token: string; userId: string; email: string }[]> {
  const accounts: { token: string; userId: string; email: string }[] = [];
  while (accounts.length < specs.length) accounts.push(await stack.account('evaluator'));
  const added = await stack.request('POST', `/cycles/${cycleId}/evaluators`, {
    evaluators: specs.map((spec, index) => ({ email: accounts[index].email, ...spec })),
  });
  if (added.status !== 201)
    throw new Error(`adding evaluators answered ${added.status}: ${JSON.stringify(added.body)}`);
  return accounts;
}

const RUBRIC_KEYS: Record<string, string[]> = {
  inovasi: ['kebaruan', 'efektivitas', 'kemanfaatan', 'kemudahan-replikasi', 'keberlanjutan'],
  pembina: ['kebijakan', 'kelembagaan', 'pendampingan', 'pemantauan'],
};

/** The same value for every criterion of the group's PKRI rubric: the weighted score is that value. */
export function sheet(value: number, group = 'keberlanjutan'): Record<string, number> {
  return Object.fromEntries(RUBRIC_KEYS[group === 'pembina' ? 'pembina' : 'inovasi'].map((key) => [key, value]));
}
