import { Anchor, Badge, Button, Card, Group, Slider, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isZone } from '../../../../../libs/domain/time-zone';
import { api, must } from '../../api/client';
import { saveDownload } from '../../api/download';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';
import { ReplayVerdict } from './ReplayVerdict';

type Timeline = components['schemas']['AuditTimelineDto'];
type Line = components['schemas']['AuditTimelineLineDto'];

/** An entry's workflow id is `entry-<cycleId>-<entryId>` (libs/domain/ids.ts); the entry id is a UUID. */
const ENTRY_WORKFLOW = /^entry-.+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * One workflow for an auditor: its history as a timeline in the portal's language (times in the agency's zone),
 * the raw history to download, a replay on today's code, and, for an entry, its record at any event of the history.
 */
export function WorkflowPage() {
  const { t } = useTranslation();
  const { workflowId = '' } = useParams();
  const { language } = useSession();
  const timeline = useQuery({
    queryKey: ['audit', 'timeline', workflowId, language],
    queryFn: () =>
      must(
        api.GET('/api/audit/workflows/{workflowId}/timeline', {
          params: { path: { workflowId }, query: { lang: language } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: () =>
      saveDownload(
        api.GET('/api/audit/workflows/{workflowId}/history', {
          params: { path: { workflowId } },
          parseAs: 'blob',
        }),
        `${workflowId}-history.json`,
      ),
  });
  const replay = useMutation({
    mutationFn: () => must(api.GET('/api/audit/workflows/{workflowId}/replay', { params: { path: { workflowId } } })),
  });

  return (
    <Stack>
      <Anchor component={Link} to="/audit" w="fit-content">
        {t('audit.workflow.back')}
      </Anchor>
      <Title order={2} style={{ wordBreak: 'break-all' }}>
        {workflowId}
      </Title>
      <QueryView query={timeline}>
        {(data) => {
          const entryId = data.workflowType === 'entryWorkflow' ? ENTRY_WORKFLOW.exec(workflowId)?.[1] : undefined;
          return (
            <Stack>
              <Group gap="xs">
                <Badge variant="light">{t(`audit.types.${data.workflowType}`, data.workflowType)}</Badge>
                <Text size="sm" c="gray.7" style={{ wordBreak: 'break-all' }}>
                  {t('audit.workflow.run', { runId: data.runId })}
                </Text>
              </Group>
              <Group gap="xs">
                <Button variant="light" loading={download.isPending} onClick={() => download.mutate()}>
                  {t('audit.workflow.raw')}
                </Button>
                <Button loading={replay.isPending} onClick={() => replay.mutate()}>
                  {t('audit.workflow.replay')}
                </Button>
              </Group>
              <Text size="sm" c="gray.7">
                {t('audit.workflow.replayHint')}
              </Text>
              {download.isError && <ProblemAlert error={download.error} />}
              {replay.isError && <ProblemAlert error={replay.error} />}
              {replay.data && <ReplayVerdict verdict={replay.data} />}
              <TimelineCard timeline={data} />
              {entryId ? (
                <EntryStateCard entryId={entryId} timeline={data} />
              ) : (
                <Text size="sm" c="gray.7">
                  {t('audit.state.notEntry')}
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}

function TimelineCard({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <Card withBorder component="section" aria-labelledby="timeline-title">
      <Title order={3} size="h4" id="timeline-title">
        {t('audit.workflow.timeline')}
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t('audit.workflow.zone', { zone: timeline.zone })}
      </Text>
      {timeline.lines.length === 0 ? (
        <Text c="gray.7">{t('audit.workflow.noLines')}</Text>
      ) : (
        <DataTable
          minWidth={900}
          columns={[
            t('audit.workflow.event'),
            t('audit.workflow.at'),
            t('audit.workflow.actor'),
            t('audit.workflow.what'),
            t('audit.workflow.reason'),
          ]}
          rows={timeline.lines.map((line) => ({
            key: String(line.eventId),
            cells: [
              formatNumber(line.eventId, language),
              <time dateTime={line.at} style={{ whiteSpace: 'nowrap' }}>
                {line.local}
              </time>,
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {line.actor ?? t('audit.workflow.engine')}
              </Text>,
              line.text,
              line.reason ?? '',
            ],
          }))}
        />
      )}
    </Card>
  );
}

/** The entry's record right after the chosen event, rebuilt by the API from the history (`/audit/entries/…/state`). */
function EntryStateCard({ entryId, timeline }: { entryId: string; timeline: Timeline }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const lines = timeline.lines;
  const zone = isZone(timeline.zone) ? timeline.zone : undefined;
  const last = Math.max(0, lines.length - 1);
  // The thumb moves freely; the state is asked for where it is let go.
  const [moving, setMoving] = useState(last);
  const [chosen, setChosen] = useState(last);
  const line: Line | undefined = lines[Math.min(chosen, last)];
  const state = useQuery({
    queryKey: ['audit', 'entry-state', entryId, line?.eventId],
    queryFn: () =>
      must(
        api.GET('/api/audit/entries/{entryId}/state', {
          params: { path: { entryId }, query: { eventId: line!.eventId } },
        }),
      ),
    enabled: line !== undefined,
    placeholderData: keepPreviousData,
  });
  if (!line) return null;
  const describe = (index: number) => {
    const at = lines[index];
    return at ? `${formatNumber(at.eventId, language)} · ${at.local} · ${at.text}` : '';
  };
  return (
    <Card withBorder component="section" aria-labelledby="state-title">
      <Title order={3} size="h4" id="state-title">
        {t('audit.state.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('audit.state.hint')}
      </Text>
      <Slider
        min={0}
        max={last}
        step={1}
        value={moving}
        onChange={setMoving}
        onChangeEnd={setChosen}
        label={describe}
        thumbLabel={t('audit.state.slider')}
        thumbValueText={describe}
        mb="md"
      />
      <Text size="sm" mb="xs" role="status">
        {describe(moving)}
      </Text>
      <QueryView query={state}>
        {(data) => (
          <Stack gap="xs" aria-busy={state.isPlaceholderData} data-testid="entry-state">
            <Text fw={600}>
              {t('audit.state.asOf', {
                eventId: data.asOfEventId,
                text: lines.find((candidate) => candidate.eventId === data.asOfEventId)?.text ?? '',
              })}
            </Text>
            <Group gap="xs">
              <Text size="sm">{t('audit.state.status')}:</Text>
              <Badge variant="light">{t(`audit.entryStatuses.${data.status}`, data.status)}</Badge>
              <Text size="sm">
                {t('audit.state.currentStage')}: <strong>{data.currentStage}</strong>
              </Text>
              {data.withdrawnAt && (
                <Text size="sm">
                  {t('audit.state.withdrawnAt')}: <Instant at={data.withdrawnAt} zone={zone} />
                </Text>
              )}
            </Group>
            {data.stages.length > 0 && (
              <DataTable
                minWidth={720}
                columns={[
                  t('audit.state.stage'),
                  t('audit.state.entered'),
                  t('audit.state.completed'),
                  t('audit.state.outcome'),
                  t('audit.state.reason'),
                ]}
                rows={data.stages.map((stage) => ({
                  key: stage.stageKey,
                  cells: [
                    stage.stageKey,
                    stage.enteredAt ? <Instant at={stage.enteredAt} zone={zone} /> : '—',
                    stage.completedAt ? <Instant at={stage.completedAt} zone={zone} /> : '—',
                    stage.outcome ?? '—',
                    stage.reason ?? '',
                  ],
                }))}
              />
            )}
            <Text size="sm">
              {t('audit.state.deskScores', {
                count: data.deskScores.length,
                formatted: formatNumber(data.deskScores.length, language),
              })}
              {' · '}
              {t('audit.state.interviewScores', {
                count: data.interviewScores.length,
                formatted: formatNumber(data.interviewScores.length, language),
              })}
            </Text>
            {data.deskScores.length > 0 && (
              <DataTable
                minWidth={640}
                columns={[
                  t('audit.state.stage'),
                  t('audit.state.evaluator'),
                  t('audit.state.version'),
                  t('audit.state.weighted'),
                ]}
                rows={data.deskScores.map((score) => ({
                  key: `${score.stageKey} ${score.evaluatorId}`,
                  cells: [
                    score.stageKey,
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {score.evaluatorId}
                    </Text>,
                    formatNumber(score.version, language),
                    formatNumber(score.weighted, language, 2),
                  ],
                }))}
              />
            )}
            {data.interviewBooking && (
              <Text size="sm">
                {t('audit.state.booking', { panel: data.interviewBooking.panelKey })}{' '}
                <Instant at={data.interviewBooking.startsAt} zone={zone} />
              </Text>
            )}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
