import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, ApiError, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { InterviewCard } from './InterviewCard';
import { LineageCard, ResultBadge } from './LineageCard';
import { ScoresCard } from './ScoresCard';

/**
 * One innovation of the agency: where it stands, its result once announced, every stage it passed with its outcome and
 * reason, its interview invitation, and the innovation across years.
 */
export function EntryPage() {
  const { t } = useTranslation();
  const { entryId = '' } = useParams();
  const entry = useQuery({
    queryKey: ['entry', entryId],
    queryFn: () => must(api.GET('/api/entries/{entryId}', { params: { path: { entryId } } })),
    // The entry moves on while the page is open; a just-submitted one has no history until its workflow records it.
    refetchInterval: (query) => (query.state.data?.stageHistory.length ? 30_000 : 3_000),
  });
  const cycleId = entry.data?.cycleId ?? '';
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId } } })),
    enabled: entry.isSuccess,
  });
  const stageName = (key: string) => cycle.data?.stages.find((stage) => stage.key === key)?.name ?? key;
  const lineage = useQuery({
    queryKey: ['lineage', entryId],
    queryFn: () => must(api.GET('/api/entries/{entryId}/lineage', { params: { path: { entryId } } })),
    enabled: entry.isSuccess,
  });
  // The API answers "not found" for another agency's entry, so an address reveals nothing; the page says why.
  if (entry.error instanceof ApiError && entry.error.problem.statusCode === 404) {
    return (
      <Alert color="orange" role="alert" title={t('entry.notFoundTitle')}>
        {t('entry.notFound')}
      </Alert>
    );
  }
  return (
    <QueryView query={entry}>
      {(data) => (
        <Stack maw={900}>
          <Group justify="space-between">
            <Title order={2}>{data.title}</Title>
            <Badge size="lg" variant="light">
              {t(`entries.statuses.${data.status}`, data.status)}
            </Badge>
          </Group>
          {lineage.data?.entry.result && (
            <Alert color={lineage.data.entry.result === 'winner' ? 'green' : 'blue'} title={t('entry.result')}>
              <ResultBadge result={lineage.data.entry.result} /> {t('entry.decision')}{' '}
              {lineage.data.entry.resultDecision}
            </Alert>
          )}
          <Text>
            {t('entry.registeredAt')} <Instant at={data.registeredAt} /> · {t('entry.currentStage')}{' '}
            <strong>{stageName(data.currentStage)}</strong>
          </Text>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('entry.history')}
            </Title>
            <DataTable
              columns={[t('dashboard.stage'), t('entry.outcome'), t('common.reason'), t('entry.at')]}
              rows={data.stageHistory.map((event) => ({
                key: `${event.stage}-${event.kind}-${String(event.at)}`,
                cells: [
                  stageName(event.stage),
                  event.outcome
                    ? t(`entry.outcomes.${event.outcome}`, event.outcome)
                    : t(`entry.kinds.${event.kind}`, event.kind),
                  event.reason ?? '',
                  <Instant at={event.at} />,
                ],
              }))}
            />
          </Card>
          <ScoresCard entryId={data.id} />
          <InterviewCard entryId={data.id} cycleId={data.cycleId} />
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('draft.summary')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{data.summary}</Text>
          </Card>
          {lineage.data && <LineageCard lineage={lineage.data} />}
        </Stack>
      )}
    </QueryView>
  );
}
