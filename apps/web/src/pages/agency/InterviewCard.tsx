import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { saveDownload } from '../../api/download';
import { ActionDialog } from '../../components/ActionDialog';
import { ProblemAlert } from '../../components/QueryView';
import { Countdown, Instant } from '../../components/Time';
import { formatInstant } from '../../format/time';
import { useSession, useUser } from '../../session/session';

/**
 * The interview invitation on the innovation's page: when and with which panel (in the agency's zone), until when it
 * may be confirmed or moved, and the calendar file. Nothing shows before the entry has a booking or a reason why not.
 */
export function InterviewCard({ entryId, cycleId }: { entryId: string; cycleId: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const user = useUser();
  const [moving, setMoving] = useState(false);
  const interview = useQuery({
    queryKey: ['interview', entryId],
    queryFn: () => must(api.GET('/api/entries/{entryId}/interview', { params: { path: { entryId } } })),
    // A cycle without an interview stage answers 404: the card is simply not there.
    retry: (failures, error) => !(error instanceof ApiError && error.problem.statusCode === 404) && failures < 3,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['interview', entryId] });
  const confirm = useMutation({
    mutationFn: () => must(api.POST('/api/entries/{entryId}/interview/confirm', { params: { path: { entryId } } })),
    onSuccess: refresh,
  });
  const download = useMutation({
    mutationFn: () =>
      saveDownload(
        api.GET('/api/entries/{entryId}/interview/calendar.ics', {
          params: { path: { entryId } },
          parseAs: 'blob',
        }),
        'wawancara.ics',
      ),
  });

  if (interview.isError && interview.error instanceof ApiError && interview.error.problem.statusCode === 404)
    return null;
  if (interview.isError) return <ProblemAlert error={interview.error} />;
  if (!interview.data) return null;
  const { booking, unplacedReason, confirmBy } = interview.data;
  if (!booking && !unplacedReason) return null;
  // The Admin Lokal answers for the agency; a unit reads the invitation and its calendar.
  const open = confirmBy !== null && Date.parse(confirmBy) > Date.now() && user.role === 'agency';

  return (
    <Card withBorder component="section" aria-labelledby="interview-title">
      <Title order={3} size="h5" mb="xs" id="interview-title">
        {t('interview.title')}
      </Title>
      {!booking ? (
        <Alert color="orange" role="status" title={t('interview.unplaced')}>
          {unplacedReason}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600} data-testid="interview-time">
              <Instant at={booking.startsAt} weekday />
            </Text>
            <Badge variant="light" color={booking.confirmedAt ? 'green' : 'orange'}>
              {booking.confirmedAt ? t('interview.confirmed') : t('interview.awaiting')}
            </Badge>
          </Group>
          <Text>
            {booking.panelName} ·{' '}
            <Anchor href={booking.meetingUrl} target="_blank" rel="noreferrer">
              {t('interview.meeting')}
            </Anchor>
          </Text>
          {confirmBy && (
            <Text data-testid="interview-deadline">
              {t('interview.confirmBy')} <Instant at={confirmBy} />
              {open && (
                <>
                  {' · '}
                  <Countdown until={confirmBy} />
                </>
              )}
            </Text>
          )}
          {!open && user.role === 'agency' && <Text c="dimmed">{t('interview.closed')}</Text>}
          <Group>
            {open && !booking.confirmedAt && (
              <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
                {t('interview.confirm')}
              </Button>
            )}
            {open && (
              <Button variant="default" onClick={() => setMoving(true)}>
                {t('interview.move')}
              </Button>
            )}
            <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
              {t('interview.download')}
            </Button>
          </Group>
          {confirm.isError && <ProblemAlert error={confirm.error} />}
          {download.isError && <ProblemAlert error={download.error} />}
          <MoveDialog entryId={entryId} cycleId={cycleId} opened={moving} onClose={() => setMoving(false)} />
        </Stack>
      )}
    </Card>
  );
}

/** Moving to another free slot, picked from the list of those this agency may take (a move confirms the new time). */
function MoveDialog({
  entryId,
  cycleId,
  opened,
  onClose,
}: {
  entryId: string;
  cycleId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { language } = useSession();
  const [slotId, setSlotId] = useState<string | null>(null);
  const free = useQuery({
    queryKey: ['interview-free-slots', cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}/interview-slots/free', { params: { path: { cycleId } } })),
    enabled: opened,
  });
  return (
    <ActionDialog
      title={t('interview.moveTitle')}
      opened={opened}
      onClose={onClose}
      confirm={t('interview.moveConfirm')}
      reasonLabel={t('interview.moveNote')}
      reasonRequired={false}
      invalidates={[
        ['interview', entryId],
        ['interview-free-slots', cycleId],
      ]}
      run={async (reason) => {
        if (!slotId) throw new Error(t('interview.pickSlot'));
        await must(
          api.POST('/api/entries/{entryId}/interview/move', {
            params: { path: { entryId } },
            body: { slotId, ...(reason ? { reason } : {}) },
          }),
        );
        setSlotId(null);
      }}
    >
      {free.isError && <ProblemAlert error={free.error} />}
      <Select
        label={t('interview.freeSlot')}
        placeholder={free.isPending ? t('common.loading') : undefined}
        searchable
        nothingFoundMessage={t('interview.noFreeSlot')}
        data={(free.data ?? []).map((slot) => ({
          value: slot.slotId,
          label: `${formatInstant(new Date(slot.startsAt), user.zone, language, true)} · Panel ${slot.panelKey}`,
        }))}
        value={slotId}
        onChange={setSlotId}
        required
      />
    </ActionDialog>
  );
}
