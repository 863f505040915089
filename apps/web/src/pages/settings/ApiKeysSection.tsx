import { Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { SecretDialog } from './SecretDialog';

type ApiKey = components['schemas']['AuthApiKeyDto'];

/** The agency's API keys: listed without their secrets, created (the key shown once), revoked after a confirmation. */
export function ApiKeysSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const queryKey = ['settings', code, 'api-keys'];
  const keys = useQuery({
    queryKey,
    queryFn: () => must(api.GET('/api/agencies/{code}/api-keys', { params: { path: { code } } })),
  });
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () =>
      must(api.POST('/api/agencies/{code}/api-keys', { params: { path: { code } }, body: { name: name.trim() } })),
    onSuccess: async () => {
      setName('');
      await queries.invalidateQueries({ queryKey });
    },
  });
  const [revoking, setRevoking] = useState<ApiKey>();
  const revoke = useMutation({
    mutationFn: (id: string) =>
      must(api.POST('/api/agencies/{code}/api-keys/{id}/revoke', { params: { path: { code, id } } })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey });
      setRevoking(undefined);
    },
  });

  return (
    <Stack>
      <Text>{t('settings.apiKeys.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack maw={520}>
          <TextInput
            label={t('settings.apiKeys.name')}
            description={t('settings.apiKeys.nameHint')}
            placeholder="SIPP"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          {create.isError && <ProblemAlert error={create.error} />}
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('settings.apiKeys.create')}
          </Button>
        </Stack>
      </form>
      <QueryView query={keys}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('settings.apiKeys.empty')}</Text>
          ) : (
            <DataTable
              minWidth={520}
              columns={[
                t('settings.apiKeys.name'),
                t('settings.createdAt'),
                t('settings.status'),
                t('settings.actions'),
              ]}
              rows={list.map((key) => ({
                key: key.id,
                cells: [
                  key.name,
                  <Instant at={key.createdAt} />,
                  key.revokedAt ? (
                    <Text size="sm">
                      {t('settings.apiKeys.revokedAt')} <Instant at={key.revokedAt} />
                    </Text>
                  ) : (
                    <Badge color="green" variant="light">
                      {t('settings.apiKeys.active')}
                    </Badge>
                  ),
                  !key.revokedAt && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      aria-label={t('settings.apiKeys.revokeNamed', { name: key.name })}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(key);
                      }}
                    >
                      {t('settings.apiKeys.revoke')}
                    </Button>
                  ),
                ],
              }))}
            />
          )
        }
      </QueryView>
      <SecretDialog
        title={t('settings.apiKeys.created', { name: create.data?.name ?? '' })}
        secret={create.data?.key}
        onClose={() => create.reset()}
      />
      <Modal
        opened={revoking !== undefined}
        onClose={() => setRevoking(undefined)}
        title={t('settings.apiKeys.revokeTitle', { name: revoking?.name ?? '' })}
        centered
      >
        <Stack>
          <Text>{t('settings.apiKeys.revokeBody')}</Text>
          {revoke.isError && <ProblemAlert error={revoke.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(undefined)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t('settings.apiKeys.revokeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
