import { Alert, Anchor, Button, Card, Code, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { saveDownload } from '../../api/download';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert } from '../../components/QueryView';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';
import { canDigest, checkArchive } from './archive';
import { replayCycle, type ReplayProgress } from './cycle-replay';

type CrossCheck = components['schemas']['AuditCrossCheckDto'];

/**
 * A cycle verified: every history replayed on today's code, the audit log's hash chain recomputed, the log checked
 * against the histories, and the archive exported with the manifest SHA-256 to publish.
 */
export function CycleAuditPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId } } })),
  });
  return (
    <Stack>
      <Anchor component={Link} to={`/audit?siklus=${encodeURIComponent(cycleId)}`} w="fit-content">
        {t('audit.cycle.back')}
      </Anchor>
      <Title order={2}>
        {t('audit.cycle.title')} ·{' '}
        {cycle.data ? `${cycle.data.programme.toUpperCase()} ${cycle.data.year} (${cycleId})` : cycleId}
      </Title>
      {cycle.isError && <ProblemAlert error={cycle.error} />}
      <ReplaySection cycleId={cycleId} />
      <CrossCheckSection cycleId={cycleId} />
      <LogSection />
      <ExportSection cycleId={cycleId} />
    </Stack>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

/** A bar that runs while the API works and says nothing until it is done. */
function Working({ label }: { label: string }) {
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section value={100} animated striped withAria={false} role="progressbar" aria-label={label} />
      </Progress.Root>
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

/** A bar that fills as the API reports the work done. */
function Counted({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section
          value={(100 * done) / total}
          role="progressbar"
          aria-label={label}
          aria-valuenow={done}
          aria-valuemin={0}
          aria-valuemax={total}
        />
      </Progress.Root>
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

function ReplaySection({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [progress, setProgress] = useState<ReplayProgress | null>(null);
  // Made in the effect, so a remount (React's strict mode does one) gets a signal not yet aborted.
  const leaving = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);
  const replay = useMutation({
    mutationFn: () => {
      setProgress(null);
      return replayCycle(cycleId, setProgress, leaving.current.signal);
    },
  });
  const count = (value: number) => formatNumber(value, language);
  const result = replay.data;
  return (
    <Section id="replay-title" title={t('audit.cycle.replayTitle')} hint={t('audit.cycle.replayHint')}>
      <Button w="fit-content" loading={replay.isPending} onClick={() => replay.mutate()}>
        {t('audit.cycle.replay')}
      </Button>
      {replay.isPending &&
        (progress && progress.total > 0 ? (
          <Counted
            done={progress.replayed}
            total={progress.total}
            label={t('audit.cycle.replayingCount', {
              replayed: count(progress.replayed),
              total: count(progress.total),
            })}
          />
        ) : (
          <Working label={t('audit.cycle.replaying')} />
        ))}
      {replay.isError && <ProblemAlert error={replay.error} />}
      {result && !replay.isPending && (
        <>
          <Alert color={result.diverged.length === 0 ? 'green' : 'red'} role="status" data-testid="replay-summary">
            {t('audit.cycle.replayed', {
              replayed: count(result.replayed),
              ok: count(result.ok),
              diverged: count(result.diverged.length),
            })}
            {result.diverged.length === 0 && ` ${t('audit.cycle.allVerified')}`}
          </Alert>
          {result.diverged.length > 0 && (
            <DataTable
              minWidth={720}
              columns={[t('audit.cycle.workflow'), t('audit.cycle.divergedAt'), t('audit.cycle.message')]}
              rows={result.diverged.map((verdict) => ({
                key: verdict.workflowId,
                cells: [
                  <Anchor
                    component={Link}
                    to={`/audit/alur/${encodeURIComponent(verdict.workflowId)}`}
                    style={{ wordBreak: 'break-all' }}
                  >
                    {verdict.workflowId}
                  </Anchor>,
                  verdict.divergedAt
                    ? `${verdict.divergedAt.eventId} (${verdict.divergedAt.eventType})`
                    : t('audit.cycle.notNamed'),
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {verdict.message ?? ''}
                  </Text>,
                ],
              }))}
            />
          )}
          {result.notStarted.length > 0 && (
            <Text size="sm">
              {t('audit.cycle.notStarted', {
                count: result.notStarted.length,
                formatted: count(result.notStarted.length),
                ids: result.notStarted.join(', '),
              })}
            </Text>
          )}
        </>
      )}
    </Section>
  );
}

function LogSection() {
  const { t } = useTranslation();
  const { language } = useSession();
  const verify = useMutation({ mutationFn: () => must(api.GET('/api/audit/log/verify')) });
  const verdict = verify.data;
  return (
    <Section id="log-title" title={t('audit.cycle.logTitle')} hint={t('audit.cycle.logHint')}>
      <Button w="fit-content" variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
        {t('audit.cycle.verifyLog')}
      </Button>
      {verify.isPending && <Working label={t('audit.cycle.checking')} />}
      {verify.isError && <ProblemAlert error={verify.error} />}
      {verdict && !verify.isPending && (
        <Alert color={verdict.firstBroken ? 'red' : 'green'} role="status" data-testid="log-verdict">
          {verdict.firstBroken
            ? t('audit.cycle.logBroken', { ...verdict.firstBroken, checked: formatNumber(verdict.checked, language) })
            : t('audit.cycle.logIntact', { checked: formatNumber(verdict.checked, language) })}
        </Alert>
      )}
    </Section>
  );
}

function CrossCheckSection({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const check = useMutation({
    mutationFn: () => must(api.GET('/api/audit/cycles/{cycleId}/cross-check', { params: { path: { cycleId } } })),
  });
  const result = check.data;
  return (
    <Section id="cross-title" title={t('audit.cycle.crossTitle')} hint={t('audit.cycle.crossHint')}>
      <Button w="fit-content" variant="light" loading={check.isPending} onClick={() => check.mutate()}>
        {t('audit.cycle.crossCheck')}
      </Button>
      {check.isPending && <Working label={t('audit.cycle.checking')} />}
      {check.isError && <ProblemAlert error={check.error} />}
      {result && !check.isPending && (
        <>
          <Alert color={result.consistent ? 'green' : 'red'} role="status" data-testid="cross-check-verdict">
            {result.consistent
              ? t('audit.cycle.consistent', { workflows: formatNumber(result.workflows, language) })
              : t('audit.cycle.inconsistent', {
                  workflows: formatNumber(result.workflows, language),
                  problems: formatNumber(result.problems.length, language),
                })}
          </Alert>
          {result.pending > 0 && (
            <Text size="sm">{t('audit.cycle.pending', { pending: formatNumber(result.pending, language) })}</Text>
          )}
          <CrossCheckFindings result={result} />
        </>
      )}
    </Section>
  );
}

function CrossCheckFindings({ result }: { result: CrossCheck }) {
  const { t } = useTranslation();
  if (result.problems.length === 0 && result.headsLost.length === 0) return null;
  const rows = (refs: { seq: number; eventId: number }[]) =>
    refs.map((ref) => t('audit.cycle.row', { ...ref })).join('; ');
  return (
    <>
      {result.problems.length > 0 && (
        <DataTable
          minWidth={900}
          columns={[
            t('audit.cycle.workflow'),
            t('audit.cycle.orphanRows'),
            t('audit.cycle.mismatched'),
            t('audit.cycle.missingEvents'),
          ]}
          rows={result.problems.map((problem) => ({
            key: `${problem.workflowId} ${problem.runId}`,
            cells: [
              <Anchor
                component={Link}
                to={`/audit/alur/${encodeURIComponent(problem.workflowId)}`}
                style={{ wordBreak: 'break-all' }}
              >
                {problem.workflowId}
              </Anchor>,
              rows(problem.orphanRows),
              rows(problem.mismatched),
              problem.missingEvents.map((event) => t('audit.cycle.decision', { ...event })).join('; '),
            ],
          }))}
        />
      )}
      {result.headsLost.length > 0 && (
        <List size="sm">
          {result.headsLost.map((head) => (
            <List.Item key={head.seq}>{t('audit.cycle.headLost', { reason: head.reason })}</List.Item>
          ))}
        </List>
      )}
    </>
  );
}

function ExportSection({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const exported = useMutation({
    mutationFn: async () => {
      const answer = await api.GET('/api/audit/cycles/{cycleId}/export', {
        params: { path: { cycleId } },
        parseAs: 'blob',
      });
      await saveDownload(Promise.resolve(answer), `${cycleId}-audit.tar.gz`);
      // The digest of the bytes this browser received and saved, as `tahap audit export` reports it.
      return canDigest() ? checkArchive(answer.data as Blob) : null;
    },
  });
  const check = exported.data;
  return (
    <Section id="export-title" title={t('audit.cycle.exportTitle')} hint={t('audit.cycle.exportHint')}>
      <Button w="fit-content" loading={exported.isPending} onClick={() => exported.mutate()}>
        {t('audit.cycle.export')}
      </Button>
      {exported.isPending && <Working label={t('audit.cycle.exporting')} />}
      {exported.isError && <ProblemAlert error={exported.error} />}
      {exported.isSuccess && check === null && (
        <Alert color="yellow" role="status">
          {t('audit.cycle.noDigest')}
        </Alert>
      )}
      {check && (
        <>
          <Text fw={600}>{t('audit.cycle.digest')}</Text>
          <Code block data-testid="export-digest" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {check.manifestSha256}
          </Code>
          {check.problems.length === 0 ? (
            <Alert color="green" role="status">
              {t('audit.cycle.verifiedFiles', { files: formatNumber(check.files, language) })}
            </Alert>
          ) : (
            <Alert color="red" role="alert">
              {check.problems.map((problem) => (
                <Text key={problem} size="sm">
                  {t('audit.cycle.archiveProblem', { problem })}
                </Text>
              ))}
            </Alert>
          )}
        </>
      )}
    </Section>
  );
}
