import { Alert, Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { PagePicker } from '../../components/PagePicker';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { useListAddress } from '../../components/useListAddress';
import { formatNumber } from '../../format/time';
import { useSession, useUser } from '../../session/session';

type Objection = components['schemas']['ObjectionDto'];
type Resolution = components['schemas']['ObjectionResolutionDto'];
interface Nominee {
  title: string;
  agencyName: string;
  agencyCode: string;
}

const STATUS_COLOURS: Record<string, string> = { open: 'orange', upheld: 'red', dismissed: 'gray', unresolved: 'gray' };
const PAGE_SIZE = 20;

/**
 * Uji publik: the objections that count (their objectors confirmed their e-mail), open ones first by default, with
 * their text, contact and state, a page at a time; an admin reads one and upholds or dismisses it with a reason
 * (auditors read).
 */
export function ObjectionsPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const user = useUser();
  const { cycleId = '' } = useParams();
  const address = useListAddress();
  // No status in the address means the open ones, those waiting for a decision; `semua` lists every counted one.
  const shown = address.get('status') === 'semua' ? 'all' : 'open';
  const [reading, setReading] = useState<Objection>();
  const [resolving, setResolving] = useState<{ objection: Objection; decision: 'upheld' | 'dismissed' }>();
  const [resolved, setResolved] = useState<Resolution>();
  const objections = useQuery({
    queryKey: ['cycle', cycleId, 'objections', shown, address.page],
    queryFn: () =>
      must(
        api.GET('/api/cycles/{cycleId}/objections', {
          params: {
            path: { cycleId },
            query: { status: shown === 'open' ? 'open' : undefined, page: address.page, pageSize: PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  // The ranked selection names every entry the objections are about, also one an upheld objection took off the list.
  const selection = useQuery({
    queryKey: ['cycle', cycleId, 'selection'],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}/selection', { params: { path: { cycleId }, query: {} } })),
    retry: false,
  });
  const nominees = new Map<string, Nominee>(selection.data?.outcomes.map((outcome) => [outcome.entryId, outcome]));
  const nomineeOf = (objection: Objection) => nominees.get(objection.entryId);
  const open = reading;
  const subject = resolving ? (nomineeOf(resolving.objection)?.title ?? resolving.objection.entryId) : '';

  return (
    <Stack>
      <Title order={2}>
        {t('adminLists.objections.title')} · {cycleId}
      </Title>
      {resolved && (
        <Alert color="green" role="status" withCloseButton onClose={() => setResolved(undefined)}>
          {t(`adminLists.objections.resolved.${resolved.decision === 'upheld' ? 'upheld' : 'dismissed'}`)}{' '}
          {resolved.entered.length > 0 &&
            t('adminLists.objections.entered', {
              titles: resolved.entered.map((id) => nominees.get(id)?.title ?? id).join(', '),
            })}{' '}
          {resolved.left.length > 0 &&
            t('adminLists.objections.left', {
              titles: resolved.left.map((id) => nominees.get(id)?.title ?? id).join(', '),
            })}
        </Alert>
      )}
      <SegmentedControl
        w="fit-content"
        aria-label={t('adminLists.objections.show')}
        value={shown}
        onChange={(value) => address.set({ status: value === 'all' ? 'semua' : null })}
        data={[
          { value: 'open', label: t('adminLists.objections.onlyOpen') },
          { value: 'all', label: t('adminLists.objections.all') },
        ]}
      />
      <QueryView query={objections}>
        {(list) => {
          const rows = list.items;
          const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
          return rows.length === 0 ? (
            <Text c="gray.7">
              {shown === 'open' ? t('adminLists.objections.noneOpen') : t('adminLists.objections.none')}
            </Text>
          ) : (
            <Stack aria-busy={objections.isPlaceholderData}>
              <Text role="status">
                {t('adminLists.objections.total', { count: list.total, formatted: formatNumber(list.total, language) })}
                {' · '}
                {t('common.page', { page: formatNumber(list.page, language), pages: formatNumber(pages, language) })}
              </Text>
              <DataTable
                minWidth={900}
                columns={[
                  t('adminLists.objections.filedAt'),
                  t('adminLists.objections.nominee'),
                  t('adminLists.objections.objector'),
                  t('adminLists.objections.reason'),
                  t('adminLists.objections.status'),
                  '',
                ]}
                rows={rows.map((objection) => {
                  const nominee = nomineeOf(objection);
                  return {
                    key: objection.id,
                    cells: [
                      <Instant at={objection.filedAt} />,
                      nominee ? `${nominee.title} · ${nominee.agencyName}` : objection.entryId,
                      <>
                        {objection.contactName}
                        <br />
                        <Anchor href={`mailto:${objection.contactEmail}`} size="sm">
                          {objection.contactEmail}
                        </Anchor>
                      </>,
                      <Text size="sm" lineClamp={2}>
                        {objection.reason}
                      </Text>,
                      <Badge variant="light" color={STATUS_COLOURS[objection.status]}>
                        {t(`adminLists.objections.statuses.${objection.status}`, objection.status)}
                      </Badge>,
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setReading(objection)}
                        aria-label={t('adminLists.objections.readOne', {
                          nominee: nominee?.title ?? objection.entryId,
                          name: objection.contactName,
                        })}
                      >
                        {t('adminLists.objections.read')}
                      </Button>,
                    ],
                  };
                })}
              />
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
        opened={open !== undefined && resolving === undefined}
        onClose={() => setReading(undefined)}
        title={t('adminLists.objections.readTitle')}
        size="lg"
        centered
      >
        {open && (
          <Stack>
            <ObjectionFacts objection={open} nominee={nomineeOf(open)} />
            {user.role === 'admin' && open.status === 'open' && (
              <Group justify="flex-end">
                <Button variant="light" onClick={() => setResolving({ objection: open, decision: 'dismissed' })}>
                  {t('adminLists.objections.dismiss')}
                </Button>
                <Button color="red" onClick={() => setResolving({ objection: open, decision: 'upheld' })}>
                  {t('adminLists.objections.uphold')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Modal>
      <ActionDialog
        title={
          resolving?.decision === 'upheld'
            ? t('adminLists.objections.upholdTitle', { nominee: subject })
            : t('adminLists.objections.dismissTitle', { nominee: subject })
        }
        confirm={
          resolving?.decision === 'upheld' ? t('adminLists.objections.uphold') : t('adminLists.objections.dismiss')
        }
        opened={resolving !== undefined}
        onClose={() => setResolving(undefined)}
        reasonLabel={t('adminLists.objections.resolutionReason')}
        invalidates={[['cycle', cycleId]]}
        run={async (reason) => {
          const answer = await must(
            api.POST('/api/cycles/{cycleId}/objections/{objectionId}/resolution', {
              params: { path: { cycleId, objectionId: resolving!.objection.id } },
              body: { decision: resolving!.decision, reason },
            }),
          );
          setResolved(answer);
          setReading(undefined);
        }}
      >
        <Text size="sm">
          {resolving?.decision === 'upheld'
            ? t('adminLists.objections.upholdHint')
            : t('adminLists.objections.dismissHint')}
        </Text>
      </ActionDialog>
    </Stack>
  );
}

function ObjectionFacts({ objection, nominee }: { objection: Objection; nominee?: Nominee }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text>
        <strong>{t('adminLists.objections.nominee')}:</strong>{' '}
        {nominee ? `${nominee.title} · ${nominee.agencyName} (${nominee.agencyCode})` : objection.entryId}
      </Text>
      <Text>
        <strong>{t('adminLists.objections.objector')}:</strong> {objection.contactName} ·{' '}
        <Anchor href={`mailto:${objection.contactEmail}`}>{objection.contactEmail}</Anchor> ·{' '}
        {t(`adminLists.objections.languages.${objection.language === 'en' ? 'en' : 'id'}`)}
      </Text>
      <Text>
        <strong>{t('adminLists.objections.filedAt')}:</strong> <Instant at={objection.filedAt} />
      </Text>
      <Card withBorder>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{objection.reason}</Text>
      </Card>
      <Group gap="xs">
        <Badge variant="light" color={STATUS_COLOURS[objection.status]}>
          {t(`adminLists.objections.statuses.${objection.status}`, objection.status)}
        </Badge>
        {objection.resolvedAt && (
          <Text size="sm">
            <Instant at={objection.resolvedAt} />
          </Text>
        )}
      </Group>
      {objection.resolutionReason && (
        <Text>
          <strong>{t('adminLists.objections.resolutionReason')}:</strong> {objection.resolutionReason}
        </Text>
      )}
    </Stack>
  );
}
