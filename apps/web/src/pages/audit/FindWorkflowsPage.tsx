import { Anchor, Badge, Button, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { useListAddress } from '../../components/useListAddress';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';

const ENTRY_STATUSES = ['active', 'completed', 'withdrawn', 'eliminated'] as const;
const EXECUTION_STATUSES = ['Running', 'Completed', 'Failed', 'Canceled', 'Terminated', 'TimedOut'] as const;
const TYPES = ['cycleWorkflow', 'entryWorkflow', 'yearlyCycleWorkflow', 'deliveryWorkflow'] as const;
/** As many as the API lists at once; the page says when a search found more. */
const LIMIT = 200;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined) =>
  values.find((candidate) => candidate === value);

/** Temporal's execution statuses as `find` answers them (RUNNING) named as its filter takes them (Running). */
const EXECUTION_NAMES: Record<string, string> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Canceled',
  TERMINATED: 'Terminated',
  TIMED_OUT: 'TimedOut',
};

/** An auditor finds workflows by the API's own filters (cycle, agency, stage, statuses, type), kept in the address. */
export function FindWorkflowsPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const address = useListAddress();
  const filters = {
    cycleId: address.get('siklus'),
    agencyCode: address.get('instansi'),
    stage: address.get('siklus') ? address.get('tahap') : undefined,
    entryStatus: oneOf(ENTRY_STATUSES, address.get('status')),
    executionStatus: oneOf(EXECUTION_STATUSES, address.get('eksekusi')),
    type: oneOf(TYPES, address.get('jenis')),
  };
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => must(api.GET('/api/cycles')) });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => must(api.GET('/api/agencies')),
    staleTime: 60_000,
  });
  const cycle = useQuery({
    queryKey: ['cycle', filters.cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId: filters.cycleId! } } })),
    enabled: filters.cycleId !== undefined,
  });
  const workflows = useQuery({
    queryKey: ['audit', 'workflows', filters],
    queryFn: () => must(api.GET('/api/audit/workflows', { params: { query: { ...filters, limit: LIMIT } } })),
    placeholderData: keepPreviousData,
  });
  const all = t('audit.find.all');
  const choices = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Stack>
      <Title order={2}>{t('audit.find.title')}</Title>
      <Text c="gray.7">{t('audit.find.hint')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Select
          label={t('audit.find.cycle')}
          placeholder={all}
          searchable
          clearable
          nothingFoundMessage={t('audit.find.nothingFound')}
          value={filters.cycleId ?? null}
          onChange={(value) => address.set({ siklus: value, tahap: null })}
          data={(cycles.data ?? []).map((item) => ({
            value: item.id,
            label: `${item.programme.toUpperCase()} ${item.year} (${item.id})`,
          }))}
        />
        <Select
          label={t('audit.find.agency')}
          placeholder={all}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t('audit.find.nothingFound')}
          value={filters.agencyCode ?? null}
          onChange={(value) => address.set({ instansi: value })}
          data={(agencies.data ?? []).map((agency) => ({
            value: agency.code,
            label: `${agency.name} (${agency.code})`,
          }))}
        />
        <Select
          label={t('audit.find.stage')}
          description={filters.cycleId ? undefined : t('audit.find.stageHint')}
          placeholder={all}
          clearable
          disabled={!filters.cycleId}
          value={filters.stage ?? null}
          onChange={(value) => address.set({ tahap: value })}
          data={(cycle.data?.stages ?? []).map((stage) => ({ value: stage.key, label: stage.name }))}
        />
        <Select
          label={t('audit.find.entryStatus')}
          placeholder={all}
          clearable
          value={filters.entryStatus ?? null}
          onChange={(value) => address.set({ status: value })}
          data={choices(ENTRY_STATUSES, 'audit.entryStatuses')}
        />
        <Select
          label={t('audit.find.executionStatus')}
          placeholder={all}
          clearable
          value={filters.executionStatus ?? null}
          onChange={(value) => address.set({ eksekusi: value })}
          data={choices(EXECUTION_STATUSES, 'audit.executionStatuses')}
        />
        <Select
          label={t('audit.find.type')}
          placeholder={all}
          clearable
          value={filters.type ?? null}
          onChange={(value) => address.set({ jenis: value })}
          data={choices(TYPES, 'audit.types')}
        />
      </SimpleGrid>
      {filters.cycleId && (
        <Button component={Link} to={`/audit/siklus/${encodeURIComponent(filters.cycleId)}`} w="fit-content">
          {t('audit.find.verifyCycle', { cycleId: filters.cycleId })}
        </Button>
      )}
      <QueryView query={workflows}>
        {({ items }) => (
          <Stack aria-busy={workflows.isPlaceholderData}>
            <Text role="status">
              {t('audit.find.total', { count: items.length, formatted: formatNumber(items.length, language) })}
              {items.length >= LIMIT && ` ${t('audit.find.limited', { formatted: formatNumber(LIMIT, language) })}`}
            </Text>
            {items.length === 0 ? (
              <Text c="gray.7">{t('audit.find.none')}</Text>
            ) : (
              <DataTable
                minWidth={1100}
                columns={[
                  t('audit.find.workflow'),
                  t('audit.find.type'),
                  t('audit.find.agency'),
                  t('audit.find.stage'),
                  t('audit.find.entryStatus'),
                  t('audit.find.executionStatus'),
                  t('audit.find.startedAt'),
                  t('audit.find.closedAt'),
                  t('audit.find.events'),
                ]}
                rows={items.map((item) => {
                  const execution = EXECUTION_NAMES[item.executionStatus];
                  return {
                    key: `${item.workflowId} ${item.runId}`,
                    cells: [
                      <Anchor
                        component={Link}
                        to={`/audit/alur/${encodeURIComponent(item.workflowId)}`}
                        style={{ wordBreak: 'break-all' }}
                      >
                        {item.workflowId}
                      </Anchor>,
                      t(`audit.types.${item.type}`, item.type),
                      item.agencyCode ?? '—',
                      item.stage ?? '—',
                      item.entryStatus ? t(`audit.entryStatuses.${item.entryStatus}`, item.entryStatus) : '—',
                      <Badge variant="light" color={execution === 'Running' ? 'blue' : 'gray'}>
                        {execution ? t(`audit.executionStatuses.${execution}`) : item.executionStatus}
                      </Badge>,
                      <Instant at={item.startedAt} />,
                      item.closedAt ? <Instant at={item.closedAt} /> : '—',
                      formatNumber(item.historyLength, language),
                    ],
                  };
                })}
              />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
