import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert } from '../../components/QueryView';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';

/**
 * The innovation's scores: per scored stage the mean of each criterion and the mean weighted score, where the
 * template lets the agency see them and the stage has closed (the API decides). Nothing shows while there are none.
 */
export function ScoresCard({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const scores = useQuery({
    queryKey: ['entry-scores', entryId],
    queryFn: () => must(api.GET('/api/entries/{entryId}/scores', { params: { path: { entryId } } })),
    // Not the caller's to read (403) or no such entry (404, which the page itself says): no card.
    retry: (failures, error) => !(error instanceof ApiError && error.problem.statusCode < 500) && failures < 3,
  });
  if (scores.isError) {
    const status = scores.error instanceof ApiError ? scores.error.problem.statusCode : undefined;
    return status === 403 || status === 404 ? null : <ProblemAlert error={scores.error} />;
  }
  if (!scores.data || scores.data.length === 0) return null;
  const shown = (value: number) => formatNumber(value, language, 1);

  return (
    <Card withBorder component="section" aria-labelledby="scores-title">
      <Title order={3} size="h5" mb="xs" id="scores-title">
        {t('entryScores.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('entryScores.intro')}
      </Text>
      <Stack gap="md">
        {scores.data.map((stage) => (
          <div key={stage.stageKey} data-testid={`scores-${stage.stageKey}`}>
            <Title order={4} size="h6" mb={4}>
              {stage.stageName}
            </Title>
            <DataTable
              minWidth={320}
              columns={[t('entryScores.criterion'), t('entryScores.mean')]}
              rows={[
                ...stage.criteria.map((criterion) => ({
                  key: criterion.key,
                  cells: [criterion.name, shown(criterion.mean)],
                })),
                {
                  key: '(weighted)',
                  cells: [<strong>{t('entryScores.weighted')}</strong>, <strong>{shown(stage.weighted)}</strong>],
                },
              ]}
            />
            <Text size="sm" c="dimmed" mt={4}>
              {t('entryScores.sheets', { count: stage.sheets })}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
