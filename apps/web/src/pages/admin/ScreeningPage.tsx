import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { PagePicker } from '../../components/PagePicker';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';

const PAGE_SIZE = 50;

/** Seleksi administrasi: the entries in screening, many selected at once, passed or failed with one reason. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [decision, setDecision] = useState<'pass' | 'fail'>();
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId } } })),
  });
  const stage = cycle.data?.stages.find((candidate) => candidate.type === 'screening');
  const entries = useQuery({
    queryKey: ['cycle', cycleId, 'screening', page, stage?.key],
    enabled: Boolean(stage),
    // Entries join the stage as their workflows take the cycle's news; the list follows without a reload.
    refetchInterval: 5_000,
    queryFn: () =>
      must(
        api.GET('/api/cycles/{cycleId}/entries', {
          params: { path: { cycleId }, query: { stage: stage!.key, status: 'active', page, pageSize: PAGE_SIZE } },
        }),
      ),
  });
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Stack>
      <Title order={2}>
        {t('screening.title')} · {cycleId}
      </Title>
      <QueryView query={entries}>
        {(list) => {
          const ids = list.items.map((entry) => entry.id);
          const all = ids.length > 0 && ids.every((id) => selected.has(id));
          return (
            <Stack>
              <Group>
                <Text>{t('screening.selected', { count: selected.size })}</Text>
                <Button disabled={selected.size === 0} onClick={() => setDecision('pass')}>
                  {t('screening.pass')}
                </Button>
                <Button disabled={selected.size === 0} color="red" variant="light" onClick={() => setDecision('fail')}>
                  {t('screening.fail')}
                </Button>
              </Group>
              <DataTable
                minWidth={640}
                columns={[
                  <Checkbox
                    aria-label={t('screening.selectPage')}
                    checked={all}
                    onChange={(event) => ids.forEach((id) => toggle(id, event.currentTarget.checked))}
                  />,
                  t('draft.title'),
                  t('screening.agency'),
                  t('draft.group'),
                  t('entry.registeredAt'),
                ]}
                rows={list.items.map((entry) => ({
                  key: entry.id,
                  cells: [
                    <Checkbox
                      aria-label={entry.title}
                      checked={selected.has(entry.id)}
                      onChange={(event) => toggle(entry.id, event.currentTarget.checked)}
                    />,
                    entry.title,
                    entry.agencyCode,
                    entry.group,
                    <Instant at={entry.registeredAt} />,
                  ],
                }))}
              />
              <PagePicker total={Math.max(1, Math.ceil(list.total / PAGE_SIZE))} value={page} onChange={setPage} />
            </Stack>
          );
        }}
      </QueryView>
      <ActionDialog
        title={
          decision === 'fail'
            ? t('screening.failTitle', { count: selected.size })
            : t('screening.passTitle', { count: selected.size })
        }
        confirm={decision === 'fail' ? t('screening.fail') : t('screening.pass')}
        opened={decision !== undefined}
        onClose={() => setDecision(undefined)}
        invalidates={[['cycle', cycleId]]}
        run={async (reason) => {
          await must(
            api.POST('/api/cycles/{cycleId}/screening/decisions', {
              params: { path: { cycleId } },
              body: { decisions: [...selected].map((entryId) => ({ entryId, outcome: decision!, reason })) },
            }),
          );
          setSelected(new Set());
        }}
      />
    </Stack>
  );
}
