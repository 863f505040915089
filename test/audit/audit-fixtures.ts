import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { nodeArgs } from '../support/process';
import { compressCalendar, PKRI_2024, type CompetitionTemplate } from '../../libs/domain';

export const STAGES = {
  submission: 'pendaftaran',
  desk: 'evaluasi-desk',
  selection: 'penetapan-finalis',
  plenary: 'sidang-pleno',
};

/**
 * PKRI 2024's submission, desk evaluation and selection, then a plenary stage that holds the cycle open after the
 * shortlist is made (so the test can read the read model "as it was then" before the cycle moves on). Each stage
 * has ten minutes; the test closes and opens them as soon as its work in each is done.
 */
export function auditTemplate(year: number): CompetitionTemplate {
  const pick = (key: string) => PKRI_2024.stages.find((stage) => stage.key === key)!;
  const template: CompetitionTemplate = {
    ...PKRI_2024,
    key: `audit-test-${year}`,
    year,
    stages: [
      pick(STAGES.submission),
      { ...pick(STAGES.desk), params: { evaluatorsPerEntry: 2 } },
      { ...pick(STAGES.selection), params: { quotaPerGroup: 2 } },
      pick(STAGES.plenary),
    ],
  };
  return compressCalendar(template, {
    startAt: new Date(),
    stageSeconds: 600,
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `tahap` command line as an auditor would, in its own process. */
export function tahap(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs('apps/cli/main.ts'), ...args], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
