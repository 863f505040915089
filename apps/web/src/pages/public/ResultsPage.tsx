import { Anchor, Badge, Card, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { QueryView } from '../../components/QueryView';
import { formatInstant, formatNumber } from '../../format/time';
import { useSession } from '../../session/session';

/**
 * The announced results, for anyone and without signing in: the winners of each cluster and group as the decision in
 * force has them, with its number, date and SHA-256, and its berita acara. Before the announcement the API's
 * refusal says so.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const { language, user } = useSession();
  // The ministry's zone for anyone not signed in; a signed-in person reads their own.
  const zone = user?.zone ?? 'WIB';
  const results = useQuery({
    queryKey: ['cycle', cycleId, 'results'],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}/results', { params: { path: { cycleId } } })),
    retry: false,
  });
  const when = (instant: string) => (
    <time dateTime={new Date(instant).toISOString()}>{formatInstant(instant, zone, language)}</time>
  );
  return (
    <Stack maw={1100} mx="auto">
      <Title order={2}>{t('public.results.title')}</Title>
      <QueryView query={results}>
        {(data) => (
          <>
            <Text>{t('public.results.intro')}</Text>
            <Card withBorder>
              <Stack gap="xs">
                <Fact label={t('public.results.decision')}>
                  <strong data-testid="decision-number">{data.decisionNumber}</strong>
                </Fact>
                <Fact label={t('public.results.decidedAt')}>{when(data.decidedAt)}</Fact>
                {data.announcedAt && <Fact label={t('public.results.announcedAt')}>{when(data.announcedAt)}</Fact>}
                <Fact label={t('public.results.sha256')}>
                  <Code style={{ wordBreak: 'break-all' }}>{data.sha256}</Code>
                </Fact>
                {data.supersedes && (
                  <Text size="sm">
                    {t('public.results.supersedes', { number: data.supersedes, reason: data.reason ?? '' })}
                  </Text>
                )}
                <Anchor href={`/api/cycles/${encodeURIComponent(cycleId)}/results/document`} target="_blank">
                  {t('public.results.document')}
                </Anchor>
              </Stack>
            </Card>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {data.groups.map((group) => {
                const id = `results-${group.cluster}-${group.group}`;
                return (
                  <Card key={id} withBorder component="section" aria-labelledby={id}>
                    <Title order={3} size="h4" mb="xs" id={id}>
                      {group.clusterName} · {group.groupName}
                    </Title>
                    {group.winners.length === 0 ? (
                      <Text c="gray.7">{t('public.results.none')}</Text>
                    ) : (
                      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                        {group.winners.map((winner) => (
                          <li key={winner.entryId}>
                            <Text fw={700}>{winner.title}</Text>
                            <Text size="sm">{winner.agencyName}</Text>
                            <Group gap="xs" mt={4}>
                              {winner.rank !== null && (
                                <Badge variant="light" color="gray">
                                  {t('public.results.rank', { rank: winner.rank })}
                                </Badge>
                              )}
                              {winner.final !== null && (
                                <Badge variant="light" color="green">
                                  {t('public.results.final', { score: formatNumber(winner.final, language, 2) })}
                                </Badge>
                              )}
                            </Group>
                          </li>
                        ))}
                      </Stack>
                    )}
                  </Card>
                );
              })}
            </SimpleGrid>
          </>
        )}
      </QueryView>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      {label}: {children}
    </Text>
  );
}
