import { Anchor, AppShell, Button, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages anyone may open: the name, the language, and the way to sign in. No navigation by role. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never">
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button component={Link} to="/masuk" variant="subtle" size="xs">
              {t('signIn.submit')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
