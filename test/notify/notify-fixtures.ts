import { randomBytes } from 'node:crypto';
import { closeStage, compressedPkri, INNOVATION, openStage, startCycle, stageReaches } from '../support/fixtures';
import type { Stack } from '../support/stack';

/** A new agency with one e-mail contact, signed in as its own account. */
export async function contactableAgency(stack: Stack, zone: 'WIB' | 'WITA' | 'WIT' = 'WIB') {
  const suffix = randomBytes(4).toString('hex');
  const code = `kab-notif-${suffix}`;
  const email = `inovasi@${code}.example.go.id`;
  const created = await stack.request('POST', '/agencies', {
    code,
    name: `Pemerintah Kabupaten Notifikasi ${suffix}`,
    cluster: 'kabupaten',
    province: 'Papua',
    zone,
    contacts: [{ name: 'Admin Inovasi', email }],
  });
  if (created.status !== 201) throw new Error(`agency ${code}: ${JSON.stringify(created.body)}`);
  const account = await stack.account('agency', code);
  return { token: account.token, code, email };
}

/**
 * A cycle in which these agencies registered, past submission and into screening: extending the screening
 * deadline then tells exactly these agencies (the ones with active entries), through `notify`. Stages last three
 * days, so a day's extension stays before the next stage's close.
 */
export async function cycleInScreening(stack: Stack, year: number, agencies: { token: string }[]): Promise<string> {
  const cycleId = await startCycle(stack, compressedPkri(year, { submission: 600, others: 3 * 86_400 }));
  await stageReaches(stack, cycleId, 'pendaftaran', 'open');
  for (const [index, as] of agencies.entries()) {
    const { status, body } = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      {
        title: `Inovasi Notifikasi ${index}`,
        summary: 'Inovasi untuk uji notifikasi.',
        group: 'keberlanjutan',
        ...INNOVATION,
      },
      as,
    );
    if (status !== 201) throw new Error(`registration: ${JSON.stringify(body)}`);
  }
  await closeStage(stack, cycleId, 'pendaftaran');
  await openStage(stack, cycleId, 'seleksi-administrasi');
  return cycleId;
}

/** The notice event: screening's deadline moved by a day. */
export async function extendScreening(stack: Stack, cycleId: string, reason = 'Tambahan waktu verifikasi dokumen') {
  const { body } = await stack.request('GET', `/cycles/${cycleId}`);
  const closesAt = new Date(Date.parse(body.stages[1].closesAt) + 86_400_000).toISOString();
  const extended = await stack.request('POST', `/cycles/${cycleId}/stages/seleksi-administrasi/extend`, {
    closesAt,
    reason,
  });
  if (extended.status !== 200) throw new Error(`extend: ${JSON.stringify(extended.body)}`);
  return closesAt;
}

/**
 * Suites run in parallel on one database, and a submission deadline moved in another suite's cycle tells every
 * agency, these suites' agencies included. A suite checks what its own cycle sent: notices whose key starts with
 * the cycle's id, and messages whose text names it.
 */
export async function noticeIdsOf(stack: Stack, cycleId: string): Promise<Set<number>> {
  const rows = await stack.db.query<{ id: number }[]>(`SELECT id FROM notices WHERE key LIKE $1`, [`${cycleId}/%`]);
  return new Set(rows.map((row) => Number(row.id)));
}

export const namesCycle =
  (cycleId: string) =>
  (message: { textBody?: string; body?: string }): boolean =>
    (message.textBody ?? message.body ?? '').includes(cycleId);
