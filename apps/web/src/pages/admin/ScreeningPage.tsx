import { Button, Checkbox, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ActionDialog } from '../../components/ActionDialog';
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
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>
                        <Checkbox
                          aria-label={t('screening.selectPage')}
                          checked={all}
                          onChange={(event) => ids.forEach((id) => toggle(id, event.currentTarget.checked))}
                        />
                      </Table.Th>
                      <Table.Th>{t('draft.title')}</Table.Th>
                      <Table.Th>{t('screening.agency')}</Table.Th>
                      <Table.Th>{t('draft.group')}</Table.Th>
                      <Table.Th>{t('entry.registeredAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td>
                          <Checkbox
                            aria-label={entry.title}
                            checked={selected.has(entry.id)}
                            onChange={(event) => toggle(entry.id, event.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td>{entry.title}</Table.Td>
                        <Table.Td>{entry.agencyCode}</Table.Td>
                        <Table.Td>{entry.group}</Table.Td>
                        <Table.Td>
                          <Instant at={entry.registeredAt} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pagination
                total={Math.max(1, Math.ceil(list.total / PAGE_SIZE))}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
                getItemProps={(item) => ({ 'aria-label': t('common.pageNumber', { page: item }) })}
              />
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
