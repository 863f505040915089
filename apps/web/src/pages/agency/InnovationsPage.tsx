import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Countdown, Instant } from '../../components/Time';
import { useUser } from '../../session/session';

type Cycle = components['schemas']['CycleListItemDto'];

/** An agency's innovations: cycles open for registration with their deadline, its drafts, and its entries. */
export function InnovationsPage() {
  const { t } = useTranslation();
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => must(api.GET('/api/cycles')) });
  const drafts = useQuery({ queryKey: ['drafts'], queryFn: () => must(api.GET('/api/drafts')) });
  return (
    <Stack>
      <Title order={2}>{t('innovations.title')}</Title>
      <QueryView query={cycles}>
        {(list) => (
          <Stack>
            {list
              .filter((cycle) => cycle.status !== 'completed')
              .map((cycle) => (
                <OpenCycle key={cycle.id} cycle={cycle} />
              ))}
          </Stack>
        )}
      </QueryView>
      <Title order={3}>{t('innovations.drafts')}</Title>
      <QueryView query={drafts}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('innovations.noDrafts')}</Text>
          ) : (
            <DataTable
              columns={[t('draft.title'), t('cycles.status'), t('innovations.updated')]}
              rows={list.map((draft) => ({
                key: draft.id,
                cells: [
                  <Anchor component={Link} to={draft.entryId ? `/inovasi/${draft.entryId}` : `/draf/${draft.id}`}>
                    {draft.title}
                  </Anchor>,
                  <Badge variant="light" color={draft.status === 'returned' ? 'orange' : undefined}>
                    {t(`draft.statuses.${draft.status}`)}
                  </Badge>,
                  <Instant at={draft.updatedAt} />,
                ],
              }))}
            />
          )
        }
      </QueryView>
    </Stack>
  );
}

/** A cycle the agency may register in: its submission deadline in the agency's zone, and a new draft. */
function OpenCycle({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const detail = useQuery({
    queryKey: ['cycle', cycle.id],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId: cycle.id } } })),
  });
  const start = useMutation({
    mutationFn: () =>
      must(api.POST('/api/cycles/{cycleId}/drafts', { params: { path: { cycleId: cycle.id } }, body: { title } })),
    onSuccess: (draft) => void navigate(`/draf/${draft.id}`),
  });
  const submission = detail.data?.stages.find((stage) => stage.type === 'submission');
  if (!submission) return null;
  const open = submission.status === 'open' && new Date(submission.closesAt).getTime() > Date.now();
  return (
    <Card withBorder component="section" aria-labelledby={`cycle-${cycle.id}`}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={`cycle-${cycle.id}`}>
          {cycle.programme.toUpperCase()} {cycle.year}
        </Title>
        {open ? (
          <>
            <Text>
              {t('innovations.deadline')} <Instant at={submission.closesAt} weekday />
            </Text>
            <Countdown until={submission.closesAt} />
            <form
              onSubmit={(event) => {
                event.preventDefault();
                start.mutate();
              }}
            >
              <Group align="end">
                <TextInput
                  label={t('innovations.newDraftTitle')}
                  required
                  value={title}
                  onChange={(event) => setTitle(event.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button type="submit" loading={start.isPending}>
                  {t('innovations.startDraft')}
                </Button>
              </Group>
            </form>
            {start.isError && <ProblemAlert error={start.error} />}
          </>
        ) : (
          <Alert color="gray">
            {submission.status === 'pending' ? (
              <>
                {t('innovations.opensAt')} <Instant at={submission.opensAt} zone={user.zone} />
              </>
            ) : (
              <>
                {t('innovations.closedAt')} <Instant at={submission.closedAt ?? submission.closesAt} />
              </>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
