import { Alert, Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';
import { Countdown, Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';

export type QueueStage = components['schemas']['DeskQueueStageDto'];

/** The evaluator's work across cycles (`GET /desk-queue`), shared by the queue and the score sheet. */
export function useDeskQueue() {
  return useQuery({ queryKey: ['desk-queue'], queryFn: () => must(api.GET('/api/desk-queue')) });
}

/** What a page that sent the evaluator here has to say (a sheet saved, a conflict declared). */
export interface ReviewNotice {
  notice?: string;
}

/**
 * An evaluator's work queue: per open desk stage the entries given to them (not yet scored first), their progress,
 * and the deadline with a countdown in their zone.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useDeskQueue();
  const notice = (useLocation().state as ReviewNotice | null)?.notice;
  return (
    <Stack>
      <Title order={2}>{t('review.queue.title')}</Title>
      <Text>{t('review.queue.intro')}</Text>
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <QueryView query={queue}>
        {(stages) =>
          stages.length === 0 ? (
            <Text>{t('review.queue.none')}</Text>
          ) : (
            <Stack>
              {stages.map((stage) => (
                <QueueStageCard key={`${stage.cycleId}/${stage.stageKey}`} stage={stage} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}

function QueueStageCard({ stage }: { stage: QueueStage }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const groupName = (group: string) => stage.rubrics.find((rubric) => rubric.group === group)?.groupName ?? group;
  // A column for the time some were given after the deadline, only when anyone was.
  const extended = stage.entries.some((entry) => entry.dueAt !== null);
  const progress = t('review.queue.progress', { scored: stage.scored, assigned: stage.assigned });
  return (
    <Card withBorder component="section" aria-label={`${stage.stageName} · ${stage.cycleId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {stage.stageName} · {stage.programme.toUpperCase()} {stage.year}
          </Title>
          {stage.blindReview && (
            <Badge variant="light" color="grape" title={t('review.queue.blindHint')}>
              {t('review.queue.blind')}
            </Badge>
          )}
        </Group>
        <Text>
          {t('review.queue.deadline')} <Instant at={stage.closesAt} weekday /> · <Countdown until={stage.closesAt} />
        </Text>
        <Text data-testid="review-progress">{progress}</Text>
        <Progress.Root size="lg">
          <Progress.Section
            value={stage.assigned === 0 ? 0 : (stage.scored / stage.assigned) * 100}
            aria-label={progress}
          />
        </Progress.Root>
        <DataTable
          columns={[
            t('review.queue.entry'),
            t('review.queue.group'),
            t('review.queue.status'),
            ...(extended ? [t('review.queue.dueAt')] : []),
          ]}
          rows={stage.entries.map((entry) => ({
            key: entry.entryId,
            cells: [
              <Stack gap={0}>
                <Anchor
                  component={Link}
                  to={`/penilaian/${stage.cycleId}/${entry.entryId}`}
                  aria-label={t('review.queue.openOne', { title: entry.title })}
                >
                  {entry.title}
                </Anchor>
                {entry.agencyName && (
                  <Text size="sm" c="gray.7">
                    {entry.agencyName}
                  </Text>
                )}
              </Stack>,
              groupName(entry.group),
              entry.version === null || entry.weighted === null ? (
                <Badge variant="light" color="orange">
                  {t('review.queue.unscored')}
                </Badge>
              ) : (
                <Badge variant="light" color="green">
                  {t('review.queue.scored', {
                    version: entry.version,
                    weighted: formatNumber(entry.weighted, language, 1),
                  })}
                </Badge>
              ),
              ...(extended ? [entry.dueAt ? <Instant at={entry.dueAt} /> : '–'] : []),
            ],
          }))}
        />
      </Stack>
    </Card>
  );
}
