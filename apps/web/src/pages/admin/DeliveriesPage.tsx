import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { PagePicker } from '../../components/PagePicker';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession, useUser } from '../../session/session';
import { useListAddress } from '../../components/useListAddress';

type Delivery = components['schemas']['NotifyDeliveryDto'];
type Resent = components['schemas']['NotifyResendDto'];
const STATUSES = ['failed', 'pending', 'delivered', 'disabled'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 20;
const COLOURS: Record<string, string> = { failed: 'red', pending: 'yellow', delivered: 'green', disabled: 'gray' };

/**
 * The delivery log, failed deliveries first (the status filter starts at "failed"): each delivery's attempts on
 * demand, and an admin's re-send of its notice as a new, recorded round.
 */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const user = useUser();
  const queries = useQueryClient();
  const address = useListAddress();
  // No status in the address means failed ones; `semua` lists every delivery, newest first.
  const chosen = address.get('status') ?? 'failed';
  const status = STATUSES.find((candidate) => candidate === chosen) as Status | undefined;
  const agencyCode = address.get('instansi');
  const [reading, setReading] = useState<string>();
  const [resent, setResent] = useState<Resent>();
  const deliveries = useQuery({
    queryKey: ['deliveries', status, agencyCode, address.page],
    queryFn: () =>
      must(
        api.GET('/api/deliveries', {
          params: { query: { status, agencyCode, page: address.page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => must(api.GET('/api/agencies')),
    staleTime: 60_000,
  });
  const resend = useMutation({
    mutationFn: (noticeId: string) =>
      must(api.POST('/api/notices/{noticeId}/resend', { params: { path: { noticeId: Number(noticeId) } } })),
    onMutate: () => setResent(undefined),
    onSuccess: async (answer) => {
      setResent(answer);
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['deliveries'] }),
        queries.invalidateQueries({ queryKey: ['notice', String(answer.noticeId)] }),
      ]);
    },
  });

  return (
    <Stack>
      <Title order={2}>{t('adminLists.deliveries.title')}</Title>
      <Group align="flex-end">
        <Select
          label={t('adminLists.deliveries.status')}
          allowDeselect={false}
          w={220}
          value={status ?? 'semua'}
          onChange={(value) => address.set({ status: value === 'failed' ? null : value })}
          data={[
            ...STATUSES.map((value) => ({ value, label: t(`adminLists.deliveries.statuses.${value}`) })),
            { value: 'semua', label: t('adminLists.all') },
          ]}
        />
        <Select
          label={t('adminLists.deliveries.agency')}
          placeholder={t('adminLists.all')}
          searchable
          clearable
          limit={50}
          w={{ base: '100%', sm: 360 }}
          nothingFoundMessage={t('adminLists.nothingFound')}
          value={agencyCode ?? null}
          onChange={(value) => address.set({ instansi: value })}
          data={(agencies.data ?? []).map((agency) => ({
            value: agency.code,
            label: `${agency.name} (${agency.code})`,
          }))}
        />
      </Group>
      {resent && (
        <Alert color="green" role="status" withCloseButton onClose={() => setResent(undefined)}>
          {t('adminLists.deliveries.resent', {
            notice: resent.noticeId,
            round: resent.round,
            count: resent.deliveries,
          })}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => setReading(String(resent.noticeId))}>
            {t('adminLists.deliveries.attempts')}
          </Button>
        </Alert>
      )}
      {resend.isError && <ProblemAlert error={resend.error} />}
      <QueryView query={deliveries}>
        {(list) => {
          const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
          return (
            <Stack aria-busy={deliveries.isPlaceholderData}>
              <Text role="status">
                {t('adminLists.deliveries.total', { count: list.total, formatted: formatNumber(list.total, language) })}
                {' · '}
                {t('common.page', { page: formatNumber(list.page, language), pages: formatNumber(pages, language) })}
              </Text>
              {list.items.length === 0 ? (
                <Text c="gray.7">{t('adminLists.deliveries.none')}</Text>
              ) : (
                <DataTable
                  minWidth={1000}
                  columns={[
                    t('adminLists.deliveries.createdAt'),
                    t('adminLists.deliveries.notice'),
                    t('adminLists.deliveries.channel'),
                    t('adminLists.deliveries.target'),
                    t('adminLists.deliveries.status'),
                    t('adminLists.deliveries.tries'),
                    t('adminLists.deliveries.lastError'),
                    '',
                  ]}
                  rows={list.items.map((delivery) => ({
                    key: delivery.id,
                    cells: [
                      <Instant at={delivery.createdAt} />,
                      t('adminLists.deliveries.noticeRound', { notice: delivery.noticeId, round: delivery.round }),
                      t(`adminLists.deliveries.channels.${delivery.channel}`, delivery.channel),
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {delivery.target}
                      </Text>,
                      <DeliveryStatus delivery={delivery} />,
                      formatNumber(delivery.attempts, language),
                      <Text size="sm" lineClamp={2}>
                        {delivery.lastError ?? ''}
                      </Text>,
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setReading(delivery.noticeId)}
                          aria-label={t('adminLists.deliveries.attemptsOf', { notice: delivery.noticeId })}
                        >
                          {t('adminLists.deliveries.attempts')}
                        </Button>
                        {user.role === 'admin' && (
                          <Button
                            size="xs"
                            loading={resend.isPending && resend.variables === delivery.noticeId}
                            onClick={() => resend.mutate(delivery.noticeId)}
                            aria-label={t('adminLists.deliveries.resendOf', { notice: delivery.noticeId })}
                          >
                            {t('adminLists.deliveries.resend')}
                          </Button>
                        )}
                      </Group>,
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
      <Modal
        opened={reading !== undefined}
        onClose={() => setReading(undefined)}
        title={t('adminLists.deliveries.attemptsTitle', { notice: reading })}
        size="xl"
        centered
      >
        {reading !== undefined && <NoticeDeliveries noticeId={reading} />}
      </Modal>
    </Stack>
  );
}

function DeliveryStatus({ delivery }: { delivery: Pick<Delivery, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[delivery.status]}>
      {t(`adminLists.deliveries.statuses.${delivery.status}`, delivery.status)}
    </Badge>
  );
}

/** One notice as it went out, round by round, each delivery with every attempt; read again while any is pending. */
function NoticeDeliveries({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const notice = useQuery({
    queryKey: ['notice', noticeId, 'deliveries'],
    queryFn: () =>
      must(api.GET('/api/notices/{noticeId}/deliveries', { params: { path: { noticeId: Number(noticeId) } } })),
    refetchInterval: (query) =>
      query.state.data?.deliveries.some((delivery) => delivery.status === 'pending') ? 2_000 : false,
  });
  return (
    <QueryView query={notice}>
      {({ notice: facts, deliveries }) => (
        <Stack>
          <Text>
            <strong>{facts.subject}</strong>
          </Text>
          <Text size="sm" c="gray.7">
            {facts.agencyCode ?? facts.recipientEmail} · {facts.kind} · <Instant at={facts.createdAt} />
          </Text>
          {deliveries.map((delivery) => (
            <Card withBorder key={delivery.id} data-testid="notice-delivery">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>
                  {t('adminLists.deliveries.round', { round: delivery.round })} ·{' '}
                  {t(`adminLists.deliveries.channels.${delivery.channel}`, delivery.channel)}
                </Text>
                <DeliveryStatus delivery={delivery} />
              </Group>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {delivery.target} · {delivery.messageId}
              </Text>
              {delivery.attemptLog.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('adminLists.deliveries.noAttempts')}
                </Text>
              ) : (
                <DataTable
                  minWidth={480}
                  columns={[
                    t('adminLists.deliveries.at'),
                    t('adminLists.deliveries.outcome'),
                    t('adminLists.deliveries.detail'),
                  ]}
                  rows={delivery.attemptLog.map((attempt) => ({
                    key: attempt.id,
                    cells: [
                      <Instant at={attempt.at} />,
                      t(`adminLists.deliveries.outcomes.${attempt.outcome}`, attempt.outcome),
                      <Text size="sm" style={{ wordBreak: 'break-word' }}>
                        {attempt.detail}
                      </Text>,
                    ],
                  }))}
                />
              )}
            </Card>
          ))}
        </Stack>
      )}
    </QueryView>
  );
}
