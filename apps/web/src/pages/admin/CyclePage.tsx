import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { DayChart } from '../../components/DayChart';
import { QueryView } from '../../components/QueryView';
import { Countdown, Instant } from '../../components/Time';
import { formatNumber, fromLocalInput, toLocalInput } from '../../format/time';
import { useSession, useUser } from '../../session/session';

type Cycle = components['schemas']['CycleDto'];
type Stage = components['schemas']['CycleStageDto'];
type Counts = components['schemas']['EntryCountDto'][];

/** The secretariat's view of one cycle: where it stands, its counts, and the controls of its current stage. */
export function CyclePage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const { language } = useSession();
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId } } })),
    refetchInterval: 5_000,
  });
  const dashboard = useQuery({
    queryKey: ['cycle', cycleId, 'dashboard'],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}/dashboard', { params: { path: { cycleId } } })),
    refetchInterval: 5_000,
  });
  return (
    <QueryView query={cycle}>
      {(data) => (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>
              {data.programme.toUpperCase()} {data.year}{' '}
              <Text span c="gray.7" size="md">
                {data.id}
              </Text>
            </Title>
            <Group gap="xs">
              <Badge size="lg" variant="light">
                {t(`cycles.statuses.${data.status}`, data.status)}
              </Badge>
              {data.paused && (
                <Badge size="lg" color="orange">
                  {t('cycles.paused')}
                </Badge>
              )}
            </Group>
          </Group>
          <CurrentStage cycle={data} />
          {data.stages.some((stage) => stage.type === 'screening' && stage.status === 'open') && (
            <Button component={Link} to={`/siklus/${data.id}/seleksi-administrasi`} w="fit-content">
              {t('screening.open')}
            </Button>
          )}
          <Group gap="xs">
            <Button component={Link} to={`/siklus/${data.id}/entri`} variant="light">
              {t('adminLists.entries.open')}
            </Button>
            {data.stages.some((stage) => stage.type === 'objection') && (
              <Button component={Link} to={`/siklus/${data.id}/keberatan`} variant="light">
                {t('adminLists.objections.open')}
              </Button>
            )}
          </Group>
          <QueryView query={dashboard}>
            {(counts) => (
              <Stack>
                <Text size="lg">
                  {t('dashboard.total', { count: counts.total, formatted: formatNumber(counts.total, language) })}
                </Text>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <CountTable title={t('dashboard.byStage')} rows={counts.byStage} />
                  <CountTable title={t('dashboard.byCluster')} rows={counts.byCluster} />
                  <CountTable title={t('dashboard.byGroup')} rows={counts.byGroup} />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Card withBorder component="section" aria-labelledby="over-time">
                    <Title order={3} size="h5" mb="xs" id="over-time">
                      {t('dashboard.overTime')}
                    </Title>
                    <DayChart
                      title={t('dashboard.overTime')}
                      days={counts.overTime}
                      series={[
                        {
                          key: 'registrations',
                          label: t('dashboard.registrations'),
                          color: 'var(--mantine-color-blue-7)',
                        },
                        { key: 'drafts', label: t('dashboard.drafts'), color: 'var(--mantine-color-orange-7)' },
                      ]}
                    />
                  </Card>
                  <FailedDeliveries count={counts.failedDeliveries} />
                </SimpleGrid>
              </Stack>
            )}
          </QueryView>
          <StageCalendar stages={data.stages} />
        </Stack>
      )}
    </QueryView>
  );
}

/** Notices of this cycle that did not reach their agency: the secretariat re-sends them from the delivery log. */
function FailedDeliveries({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={count > 0 ? 'red' : 'green'}
      title={count > 0 ? t('dashboard.failedDeliveries', { count }) : t('dashboard.noFailedDeliveries')}
      data-testid="failed-deliveries"
    >
      {count > 0 && (
        <Anchor component={Link} to="/pengiriman">
          {t('dashboard.openDeliveries')}
        </Anchor>
      )}
    </Alert>
  );
}

function currentStageOf(cycle: Cycle): Stage | undefined {
  return (
    cycle.stages.find((stage) => stage.status === 'open') ?? cycle.stages.find((stage) => stage.status === 'pending')
  );
}

function CurrentStage({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const user = useUser();
  const [dialog, setDialog] = useState<'close' | 'extend' | 'pause' | 'resume'>();
  const stage = currentStageOf(cycle);
  const [closesAt, setClosesAt] = useState('');
  const invalidates = [['cycle', cycle.id]];
  const path = { cycleId: cycle.id, stageKey: stage?.key ?? '' };
  const admin = user.role === 'admin' && cycle.status !== 'completed';
  if (!stage) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text c="gray.7" size="sm">
          {stage.status === 'open' ? t('dashboard.currentStage') : t('dashboard.nextStage')}
        </Text>
        <Title order={3}>{stage.name}</Title>
        <Text>
          {stage.status === 'open' ? t('dashboard.closesAt') : t('dashboard.opensAt')}{' '}
          <Instant at={stage.status === 'open' ? stage.closesAt : stage.opensAt} weekday />
        </Text>
        <Countdown until={stage.status === 'open' ? stage.closesAt : stage.opensAt} />
        {admin && (
          <Group>
            {stage.status === 'open' && (
              <>
                <Button variant="light" onClick={() => setDialog('close')}>
                  {t('dashboard.closeNow')}
                </Button>
                <Button
                  variant="light"
                  onClick={() => {
                    setClosesAt(toLocalInput(stage.closesAt, user.zone));
                    setDialog('extend');
                  }}
                >
                  {t('dashboard.extend')}
                </Button>
              </>
            )}
            {cycle.paused ? (
              <Button variant="light" color="green" onClick={() => setDialog('resume')}>
                {t('dashboard.resume')}
              </Button>
            ) : (
              <Button variant="light" color="orange" onClick={() => setDialog('pause')}>
                {t('dashboard.pause')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ActionDialog
        title={t('dashboard.closeNowTitle', { stage: stage.name })}
        confirm={t('dashboard.closeNow')}
        opened={dialog === 'close'}
        onClose={() => setDialog(undefined)}
        invalidates={invalidates}
        run={(reason) =>
          must(api.POST('/api/cycles/{cycleId}/stages/{stageKey}/close', { params: { path }, body: { reason } }))
        }
      />
      <ActionDialog
        title={t('dashboard.extendTitle', { stage: stage.name })}
        confirm={t('dashboard.extend')}
        opened={dialog === 'extend'}
        onClose={() => setDialog(undefined)}
        invalidates={invalidates}
        run={(reason) =>
          must(
            api.POST('/api/cycles/{cycleId}/stages/{stageKey}/extend', {
              params: { path },
              body: { reason, closesAt: fromLocalInput(closesAt, user.zone) },
            }),
          )
        }
      >
        <TextInput
          type="datetime-local"
          label={t('dashboard.newDeadline', { zone: user.zone })}
          required
          value={closesAt}
          onChange={(event) => setClosesAt(event.currentTarget.value)}
        />
      </ActionDialog>
      <ActionDialog
        title={t('dashboard.pauseTitle')}
        confirm={t('dashboard.pause')}
        opened={dialog === 'pause'}
        onClose={() => setDialog(undefined)}
        invalidates={invalidates}
        run={(reason) => must(api.POST('/api/cycles/{cycleId}/pause', { params: { path }, body: { reason } }))}
      />
      <ActionDialog
        title={t('dashboard.resumeTitle')}
        confirm={t('dashboard.resume')}
        opened={dialog === 'resume'}
        onClose={() => setDialog(undefined)}
        invalidates={invalidates}
        reasonRequired={false}
        run={() => must(api.POST('/api/cycles/{cycleId}/resume', { params: { path } }))}
      />
    </Card>
  );
}

function CountTable({ title, rows }: { title: string; rows: Counts }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="gray.7">{t('common.none')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key + row.status}>
                <Table.Td>{row.key}</Table.Td>
                <Table.Td>{t(`entries.statuses.${row.status}`, row.status)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.count, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function StageCalendar({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('dashboard.calendar')}
      </Title>
      <DataTable
        minWidth={640}
        columns={[t('dashboard.stage'), t('cycles.status'), t('dashboard.opensAt'), t('dashboard.closesAt')]}
        rows={stages.map((stage) => ({
          key: stage.key,
          cells: [
            stage.name,
            t(`stages.statuses.${stage.status}`, stage.status),
            <Instant at={stage.opensAt} />,
            <Instant at={stage.closesAt} />,
          ],
        }))}
      />
    </Card>
  );
}
