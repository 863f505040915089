import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', '.bin', 'eslint');

interface LintResult {
  filePath: string;
  messages: { severity: number; line: number; message: string }[];
}

/**
 * ESLint with the layering rules alone (eslint.layers.js: no type information, so seconds), as its own process
 * (inside jest's module sandbox its dynamic imports fail), its JSON report read back. `npm run lint` applies the
 * same rules with the type-aware ones.
 */
function eslint(args: string[], stdin?: string): Promise<LintResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      ESLINT,
      [
        '--config',
        'eslint.layers.js',
        '--report-unused-disable-directives-severity',
        'off',
        '--format',
        'json',
        ...args,
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit code 1 means "problems found", which the report carries; anything else is ESLint failing.
        if (error && error.code !== 1) reject(new Error(`eslint failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as LintResult[]);
      },
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/**
 * The layering rules are in force, not only written down: queries live in libs/persistence (no DataSource, no
 * `.query(`, no repositories elsewhere), and the API never imports activity code. ESLint runs here, so `npm test`
 * (and CI) fails on a violation.
 */
describe('[structure] ESLint rules are in force', () => {
  it('[structure] the whole project keeps the layering rules', async () => {
    const results = await eslint(['apps', 'activities', 'libs', 'workflows', 'scripts', 'test']);
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${result.filePath.slice(ROOT.length + 1)}:${message.line} ${message.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('[structure] a query, a DataSource or an activity import outside libs/persistence is refused', async () => {
    const file = 'apps/api/health/health.service.ts';
    const code = `${readFileSync(join(ROOT, file), 'utf8')}
import { DataSource } from 'typeorm';
import { createFanOutActivities } from '../../../activities/fan-out.activities';
export async function sneak(db: DataSource) {
  void createFanOutActivities;
  return db.query('SELECT 1');
}
`;
    const [result] = await eslint(['--stdin', '--stdin-filename', file], code);
    expect(result.messages.map((message) => message.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("'DataSource' import from 'typeorm' is restricted"),
        expect.stringContaining('The API does not import activities'),
        expect.stringContaining('Queries live in libs/persistence/<feature>'),
      ]),
    );
  });
});
