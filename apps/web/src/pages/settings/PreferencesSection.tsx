import { Alert, Button, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemAlert, QueryView } from '../../components/QueryView';

type Agency = components['schemas']['AgencyDto'];
type Channel = Agency['channels'][number];

const CHANNELS: Channel[] = ['email', 'webhook'];

/** The channels (besides the inbox, which always receives) and the language of the agency's notices. */
export function PreferencesSection({ code }: { code: string }) {
  const agency = useQuery({
    queryKey: ['settings', code, 'agency'],
    queryFn: () => must(api.GET('/api/agencies/{code}', { params: { path: { code } } })),
  });
  return <QueryView query={agency}>{(data) => <PreferencesForm key={data.code} agency={data} />}</QueryView>;
}

function PreferencesForm({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [channels, setChannels] = useState<Channel[]>(agency.channels);
  const [language, setLanguage] = useState<Agency['language']>(agency.language);
  const save = useMutation({
    mutationFn: () =>
      must(
        api.PUT('/api/agencies/{code}/preferences', {
          params: { path: { code: agency.code } },
          body: { channels, language },
        }),
      ),
    onSuccess: (saved) => queries.setQueryData(['settings', agency.code, 'agency'], saved),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <Text>{t('settings.preferences.intro')}</Text>
        <Checkbox.Group
          label={t('settings.preferences.channels')}
          value={channels}
          onChange={(value) => {
            save.reset();
            setChannels(CHANNELS.filter((channel) => value.includes(channel)));
          }}
        >
          <Stack gap="xs" mt="xs">
            {CHANNELS.map((channel) => (
              <Checkbox key={channel} value={channel} label={t(`settings.preferences.${channel}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group
          label={t('settings.preferences.language')}
          value={language}
          onChange={(value) => {
            save.reset();
            setLanguage(value as Agency['language']);
          }}
        >
          <Group mt="xs">
            {(['id', 'en'] as const).map((value) => (
              <Radio key={value} value={value} label={t(`settings.preferences.languages.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t('settings.preferences.saved')}
          </Alert>
        )}
        {save.isError && <ProblemAlert error={save.error} />}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
