import { Button, Card, Group, Radio, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ZONES, type Zone } from '../../../../../libs/domain/time-zone';
import { api, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { fromLocalInput } from '../../format/time';
import { useUser } from '../../session/session';

/** A cycle from a template version: its calendar in all three zones first, then start now or at a chosen instant. */
export function CreateCyclePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => must(api.GET('/api/templates')) });
  const [chosen, setChosen] = useState<string | null>(null);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [startAt, setStartAt] = useState('');
  const create = useMutation({
    mutationFn: (version: { key: string; version: number }) =>
      must(
        api.POST('/api/cycles', {
          body: {
            templateKey: version.key,
            templateVersion: version.version,
            ...(when === 'later' && startAt ? { startAt: fromLocalInput(startAt, user.zone) } : {}),
          },
        }),
      ),
    onSuccess: (cycle) => void navigate(`/siklus/${cycle.id}`),
  });
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('cycles.create')}</Title>
      <QueryView query={templates}>
        {(versions) => {
          const version = versions.find((candidate) => `${candidate.key}@${candidate.version}` === chosen);
          return (
            <Stack>
              <Select
                label={t('createCycle.template')}
                required
                searchable
                value={chosen}
                onChange={setChosen}
                data={versions.map((candidate) => ({
                  value: `${candidate.key}@${candidate.version}`,
                  label: `${candidate.definition.name} (${candidate.key}, v${candidate.version})`,
                }))}
              />
              {version && (
                <Card withBorder>
                  <Title order={3} size="h5" mb="xs">
                    {t('createCycle.calendar')}
                  </Title>
                  <DataTable
                    minWidth={720}
                    columns={[t('dashboard.stage'), ...ZONES.map((zone) => t('createCycle.closesIn', { zone }))]}
                    rows={version.definition.stages.map((stage) => {
                      const closes = fromLocalInput(stage.window.closes, stage.window.zone as Zone);
                      return {
                        key: stage.key,
                        cells: [stage.name, ...ZONES.map((zone) => <Instant at={closes} zone={zone} />)],
                      };
                    })}
                  />
                </Card>
              )}
              <Radio.Group
                label={t('createCycle.when')}
                value={when}
                onChange={(value) => setWhen(value as 'now' | 'later')}
              >
                <Group mt="xs">
                  <Radio value="now" label={t('createCycle.now')} />
                  <Radio value="later" label={t('createCycle.later')} />
                </Group>
              </Radio.Group>
              {when === 'later' && (
                <TextInput
                  type="datetime-local"
                  label={t('createCycle.startAt', { zone: user.zone })}
                  required
                  value={startAt}
                  onChange={(event) => setStartAt(event.currentTarget.value)}
                />
              )}
              {create.isError && <ProblemAlert error={create.error} />}
              <Group>
                <Button
                  disabled={!version}
                  loading={create.isPending}
                  onClick={() => version && create.mutate(version)}
                >
                  {t('cycles.create')}
                </Button>
              </Group>
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
