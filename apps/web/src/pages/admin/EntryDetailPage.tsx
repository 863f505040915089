import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CLUSTER_NAMES } from '../../../../../libs/domain/cluster';
import { api, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';

/** One entry as the secretariat and auditors read it from the cycle's list: its facts, stages and summary. */
export function EntryDetailPage() {
  const { t } = useTranslation();
  const { cycleId = '', entryId = '' } = useParams();
  const entry = useQuery({
    queryKey: ['entry', entryId],
    queryFn: () => must(api.GET('/api/entries/{entryId}', { params: { path: { entryId } } })),
  });
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId } } })),
  });
  const stageName = (key: string) => cycle.data?.stages.find((stage) => stage.key === key)?.name ?? key;
  return (
    <QueryView query={entry}>
      {(data) => (
        <Stack maw={1000}>
          <Anchor component={Link} to={`/siklus/${data.cycleId}/entri`} size="sm">
            {t('adminLists.entries.backToList')}
          </Anchor>
          <Group justify="space-between">
            <Title order={2}>{data.title}</Title>
            <Badge size="lg" variant="light">
              {t(`entries.statuses.${data.status}`, data.status)}
            </Badge>
          </Group>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Fact label={t('adminLists.entries.agency')}>{data.agencyCode}</Fact>
              <Fact label={t('adminLists.entries.group')}>
                {cycle.data?.groups.find((group) => group.key === data.group)?.name ?? data.group}
              </Fact>
              <Fact label={t('adminLists.entries.cluster')}>{CLUSTER_NAMES[data.cluster] ?? data.cluster}</Fact>
              <Fact label={t('adminLists.entries.stage')}>{stageName(data.currentStage)}</Fact>
              <Fact label={t('entry.registeredAt')}>
                <Instant at={data.registeredAt} />
              </Fact>
              <Fact label={t('adminLists.entries.launchDate')}>{data.launchDate ?? '–'}</Fact>
              {data.screening && (
                <Fact label={t('screening.title')}>
                  {data.screening.outcome === 'pass' ? t('screening.pass') : t('screening.fail')} ·{' '}
                  {data.screening.reason}
                </Fact>
              )}
            </SimpleGrid>
          </Card>
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
                  event.outcome ?? t(`entry.kinds.${event.kind}`, event.kind),
                  event.reason ?? '',
                  <Instant at={event.at} />,
                ],
              }))}
            />
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('draft.summary')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{data.summary}</Text>
            {data.evidenceLinks.length > 0 && (
              <>
                <Title order={4} size="h6" mt="sm" mb="xs">
                  {t('draft.evidenceLinks')}
                </Title>
                <List size="sm">
                  {data.evidenceLinks.map((link) => (
                    <List.Item key={link}>
                      <Anchor href={link} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                        {link}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Card>
        </Stack>
      )}
    </QueryView>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="gray.7" size="sm">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}
