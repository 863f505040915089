import { Card, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { QueryView } from '../../components/QueryView';
import { ROLES_OF } from '../../routes';
import { useUser } from '../../session/session';
import { ForbiddenPage } from '../StatusPages';
import { ApiKeysSection } from './ApiKeysSection';
import { PreferencesSection } from './PreferencesSection';
import { WebhooksSection } from './WebhooksSection';

/**
 * An agency's settings: its notices' channels and language, its API keys and its webhooks. An Admin Lokal manages
 * their own agency's; the secretariat picks an agency first (kept in the address, so a reload keeps it).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (user.role === 'admin') return <AdminSettings />;
  if (!user.agencyCode) return <ForbiddenPage roles={ROLES_OF.settings} />;
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('settings.title')}</Title>
      <AgencySettings code={user.agencyCode} />
    </Stack>
  );
}

function AdminSettings() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const code = search.get('instansi');
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => must(api.GET('/api/agencies')) });
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('settings.title')}</Title>
      <QueryView query={agencies}>
        {(list) => (
          <Select
            label={t('settings.agency')}
            description={t('settings.agencyHint')}
            searchable
            maw={520}
            value={code}
            onChange={(value) => setSearch(value ? { instansi: value } : {})}
            data={list.map((agency) => ({ value: agency.code, label: `${agency.name} (${agency.code})` }))}
          />
        )}
      </QueryView>
      {code ? <AgencySettings key={code} code={code} /> : <Text>{t('settings.pickAgency')}</Text>}
    </Stack>
  );
}

function AgencySettings({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('settings.preferences.title')}>
        <PreferencesSection code={code} />
      </Section>
      <Section title={t('settings.apiKeys.title')}>
        <ApiKeysSection code={code} />
      </Section>
      <Section title={t('settings.webhooks.title')}>
        <WebhooksSection code={code} />
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack>
        <Title order={3}>{title}</Title>
        {children}
      </Stack>
    </Card>
  );
}
