import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CLUSTER_NAMES, CLUSTERS } from '../../../../../libs/domain/cluster';
import { api, must } from '../../api/client';
import { saveDownload } from '../../api/download';
import { DataTable } from '../../components/DataTable';
import { PagePicker } from '../../components/PagePicker';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';
import { useListAddress } from '../../components/useListAddress';

const ENTRY_STATUSES = ['active', 'completed', 'withdrawn', 'eliminated'] as const;
const PAGE_SIZES = ['20', '50', '100'];
type Status = (typeof ENTRY_STATUSES)[number];
type Cluster = (typeof CLUSTERS)[number];

/**
 * A cycle's entries, filtered and paged by the API (a page at a time, however many thousands there are), the
 * filters and page kept in the address, and the same filtered list as a CSV file.
 */
export function EntriesPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const { cycleId = '' } = useParams();
  const address = useListAddress();
  const pageSize = PAGE_SIZES.includes(address.get('per') ?? '') ? Number(address.get('per')) : 20;
  const filters = {
    stage: address.get('tahap'),
    status: ENTRY_STATUSES.find((status) => status === address.get('status')) as Status | undefined,
    cluster: CLUSTERS.find((cluster) => cluster === address.get('klaster')) as Cluster | undefined,
    group: address.get('kelompok'),
    agencyCode: address.get('instansi'),
    search: address.get('cari'),
  };
  const [search, setSearch] = useState(filters.search ?? '');
  const [typed] = useDebouncedValue(search.trim(), 400);
  // What was typed moves the address once typing pauses; the address moving otherwise (back, a link) moves the field.
  useEffect(() => {
    if (typed !== (filters.search ?? '')) address.set({ cari: typed }, true);
  }, [typed]);
  useEffect(
    () => setSearch((current) => (current.trim() === (filters.search ?? '') ? current : (filters.search ?? ''))),
    [filters.search],
  );

  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId } } })),
  });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => must(api.GET('/api/agencies')),
    staleTime: 60_000,
  });
  const entries = useQuery({
    queryKey: ['cycle', cycleId, 'entries', filters, address.page, pageSize],
    queryFn: () =>
      must(
        api.GET('/api/cycles/{cycleId}/entries', {
          params: { path: { cycleId }, query: { ...filters, page: address.page, pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: () =>
      saveDownload(
        api.GET('/api/cycles/{cycleId}/entries.csv', {
          params: { path: { cycleId }, query: filters },
          parseAs: 'blob',
        }),
        csvName(cycleId, filters),
      ),
  });

  const stageNames = new Map(cycle.data?.stages.map((stage) => [stage.key, stage.name]));
  const groupNames = new Map(cycle.data?.groups.map((group) => [group.key, group.name]));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Stack>
      <Title order={2}>
        {t('adminLists.entries.title')} · {cycleId}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput
          label={t('adminLists.entries.search')}
          description={t('adminLists.entries.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Select
          label={t('adminLists.entries.agency')}
          placeholder={t('adminLists.all')}
          searchable
          clearable
          limit={50}
          nothingFoundMessage={t('adminLists.nothingFound')}
          value={filters.agencyCode ?? null}
          onChange={(value) => address.set({ instansi: value })}
          data={(agencies.data ?? []).map((agency) => ({
            value: agency.code,
            label: `${agency.name} (${agency.code})`,
          }))}
        />
        <Select
          label={t('adminLists.entries.stage')}
          placeholder={t('adminLists.all')}
          clearable
          value={filters.stage ?? null}
          onChange={(value) => address.set({ tahap: value })}
          data={(cycle.data?.stages ?? []).map((stage) => ({ value: stage.key, label: stage.name }))}
        />
        <Select
          label={t('adminLists.entries.status')}
          placeholder={t('adminLists.all')}
          clearable
          value={filters.status ?? null}
          onChange={(value) => address.set({ status: value })}
          data={ENTRY_STATUSES.map((status) => ({ value: status, label: t(`entries.statuses.${status}`) }))}
        />
        <Select
          label={t('adminLists.entries.cluster')}
          placeholder={t('adminLists.all')}
          clearable
          value={filters.cluster ?? null}
          onChange={(value) => address.set({ klaster: value })}
          data={CLUSTERS.map((cluster) => ({ value: cluster, label: CLUSTER_NAMES[cluster] }))}
        />
        <Select
          label={t('adminLists.entries.group')}
          placeholder={t('adminLists.all')}
          clearable
          value={filters.group ?? null}
          onChange={(value) => address.set({ kelompok: value })}
          data={(cycle.data?.groups ?? []).map((group) => ({ value: group.key, label: group.name }))}
        />
      </SimpleGrid>
      <Group justify="space-between" align="flex-end">
        <Group>
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                address.set({ tahap: null, status: null, klaster: null, kelompok: null, instansi: null, cari: null });
              }}
            >
              {t('adminLists.clearFilters')}
            </Button>
          )}
        </Group>
        <Group align="flex-end">
          <Select
            label={t('adminLists.pageSize')}
            w={140}
            allowDeselect={false}
            value={String(pageSize)}
            onChange={(value) => address.set({ per: value })}
            data={PAGE_SIZES}
          />
          <Button onClick={() => download.mutate()} loading={download.isPending}>
            {t('adminLists.entries.csv')}
          </Button>
        </Group>
      </Group>
      {download.isError && <ProblemAlert error={download.error} />}
      <QueryView query={entries}>
        {(list) => {
          const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
          return (
            <Stack aria-busy={entries.isPlaceholderData}>
              <Text role="status" data-testid="entries-total">
                {t('adminLists.entries.total', { count: list.total, formatted: formatNumber(list.total, language) })}
                {' · '}
                {t('common.page', { page: formatNumber(list.page, language), pages: formatNumber(pages, language) })}
              </Text>
              {list.items.length === 0 ? (
                <Text c="gray.7">{t('adminLists.entries.none')}</Text>
              ) : (
                <DataTable
                  minWidth={900}
                  columns={[
                    t('draft.title'),
                    t('adminLists.entries.agency'),
                    t('adminLists.entries.group'),
                    t('adminLists.entries.cluster'),
                    t('adminLists.entries.status'),
                    t('adminLists.entries.stage'),
                    t('entry.registeredAt'),
                  ]}
                  rows={list.items.map((entry) => ({
                    key: entry.id,
                    cells: [
                      <Anchor component={Link} to={`/siklus/${cycleId}/entri/${entry.id}`}>
                        {entry.title}
                      </Anchor>,
                      entry.agencyCode,
                      groupNames.get(entry.group) ?? entry.group,
                      CLUSTER_NAMES[entry.cluster] ?? entry.cluster,
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t(`entries.statuses.${entry.status}`, entry.status)}
                      </Text>,
                      stageNames.get(entry.currentStage) ?? entry.currentStage,
                      <Instant at={entry.registeredAt} />,
                    ],
                  }))}
                />
              )}
              {pages > 1 && (
                <PagePicker
                  total={pages}
                  value={Math.min(list.page, pages)}
                  onChange={(page) => address.set({ halaman: page })}
                />
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}

/** `entri-cycle-pkri-2024-kelompok-pembina.csv`: the cycle and the filters that made the list. */
function csvName(cycleId: string, filters: Record<string, string | undefined>): string {
  const parts = Object.values(filters)
    .filter((value): value is string => Boolean(value))
    .map((value) =>
      value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean);
  return `${['entri', cycleId, ...parts].join('-')}.csv`;
}
