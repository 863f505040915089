import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatInstant } from '../../format/time';
import { useSession, useUser } from '../../session/session';
import { SecretDialog } from './SecretDialog';

/**
 * The agency's webhook endpoints with their state and why one is off; registering one or rotating its secret shows
 * the signing secret once (after a rotation the old secret keeps signing for the overlap the API gives).
 */
export function WebhooksSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const { language } = useSession();
  const queries = useQueryClient();
  const queryKey = ['settings', code, 'webhooks'];
  const endpoints = useQuery({
    queryKey,
    queryFn: () => must(api.GET('/api/agencies/{code}/webhooks', { params: { path: { code } } })),
  });
  const refresh = () => queries.invalidateQueries({ queryKey });
  const [url, setUrl] = useState('');
  const create = useMutation({
    mutationFn: () =>
      must(api.POST('/api/agencies/{code}/webhooks', { params: { path: { code } }, body: { url: url.trim() } })),
    onSuccess: async () => {
      setUrl('');
      await refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: async (id: string) => {
      const rotated = await must(
        api.POST('/api/agencies/{code}/webhooks/{id}/rotate-secret', { params: { path: { code, id } } }),
      );
      const overlapMs = new Date(rotated.previousSecretValidUntil).getTime() - Date.now();
      return { ...rotated, overlapHours: Math.max(0, Math.round(overlapMs / 3_600_000)) };
    },
    onSuccess: refresh,
  });
  const switchState = useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'enable' | 'disable' }) =>
      to === 'enable'
        ? must(api.POST('/api/agencies/{code}/webhooks/{id}/enable', { params: { path: { code, id } } }))
        : must(api.POST('/api/agencies/{code}/webhooks/{id}/disable', { params: { path: { code, id } } })),
    onSuccess: refresh,
  });
  const now = Date.now();

  return (
    <Stack>
      <Text>{t('settings.webhooks.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack maw={640}>
          <TextInput
            label={t('settings.webhooks.url')}
            description={t('settings.webhooks.urlHint')}
            placeholder="https://sipp.example.go.id/tahap/webhook"
            maxLength={2000}
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
          />
          {create.isError && <ProblemAlert error={create.error} />}
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('settings.webhooks.create')}
          </Button>
        </Stack>
      </form>
      {rotate.isError && <ProblemAlert error={rotate.error} />}
      {switchState.isError && <ProblemAlert error={switchState.error} />}
      <QueryView query={endpoints}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('settings.webhooks.empty')}</Text>
          ) : (
            <DataTable
              minWidth={720}
              columns={[
                t('settings.webhooks.url'),
                t('settings.status'),
                t('settings.createdAt'),
                t('settings.actions'),
              ]}
              rows={list.map((endpoint) => ({
                key: endpoint.id,
                cells: [
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {endpoint.url}
                  </Text>,
                  <Stack gap={4}>
                    {endpoint.status === 'active' ? (
                      <Badge color="green" variant="light">
                        {t('settings.webhooks.active')}
                      </Badge>
                    ) : (
                      <Badge color="gray">{t('settings.webhooks.disabled')}</Badge>
                    )}
                    {endpoint.status !== 'active' && endpoint.disabledReason && (
                      <Text size="sm">
                        {t('settings.webhooks.reason', { reason: reasonText(t, endpoint.disabledReason) })}
                      </Text>
                    )}
                    {endpoint.previousSecretUntil && new Date(endpoint.previousSecretUntil).getTime() > now && (
                      <Text size="sm">
                        {t('settings.webhooks.previousUntil')} <Instant at={endpoint.previousSecretUntil} />
                      </Text>
                    )}
                  </Stack>,
                  <Instant at={endpoint.createdAt} />,
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('settings.webhooks.rotateNamed', { url: endpoint.url })}
                      loading={rotate.isPending && rotate.variables === endpoint.id}
                      onClick={() => rotate.mutate(endpoint.id)}
                    >
                      {t('settings.webhooks.rotate')}
                    </Button>
                    {endpoint.status === 'active' ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('settings.webhooks.disableNamed', { url: endpoint.url })}
                        loading={switchState.isPending && switchState.variables.id === endpoint.id}
                        onClick={() => switchState.mutate({ id: endpoint.id, to: 'disable' })}
                      >
                        {t('settings.webhooks.disable')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="green"
                        aria-label={t('settings.webhooks.enableNamed', { url: endpoint.url })}
                        loading={switchState.isPending && switchState.variables.id === endpoint.id}
                        onClick={() => switchState.mutate({ id: endpoint.id, to: 'enable' })}
                      >
                        {t('settings.webhooks.enable')}
                      </Button>
                    )}
                  </Group>,
                ],
              }))}
            />
          )
        }
      </QueryView>
      <SecretDialog
        title={t('settings.webhooks.created')}
        secret={create.data?.secret}
        onClose={() => create.reset()}
      />
      <SecretDialog title={t('settings.webhooks.rotated')} secret={rotate.data?.secret} onClose={() => rotate.reset()}>
        {rotate.data && (
          <Text>
            {t('settings.webhooks.overlap', {
              hours: rotate.data.overlapHours,
              until: formatInstant(rotate.data.previousSecretValidUntil, user.zone, language),
            })}
          </Text>
        )}
      </SecretDialog>
    </Stack>
  );
}

/** Why an endpoint is off, in the person's language for the reasons Tahap itself records; any other as worded. */
function reasonText(t: TFunction, reason: string): string {
  const byRole = /^disabled by ([a-z-]+)$/.exec(reason);
  if (byRole) return t('settings.webhooks.disabledBy', { role: t(`roles.${byRole[1]}`, byRole[1]) });
  if (reason === 'the receiver answered 410 Gone') return t('settings.webhooks.gone');
  return reason;
}
