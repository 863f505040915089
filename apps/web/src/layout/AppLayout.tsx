import { Anchor, AppShell, Badge, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { api, must } from '../api/client';
import { NAVIGATION, INBOX_ROLES } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession, useUser } from '../session/session';

/** Header (who, language, unread notices, sign-out) and the navigation of what this role may do. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = NAVIGATION.filter((item) => item.roles.includes(user.role));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} to="/" underline="never">
              <Title order={1} size="h3">
                {t('app.name')}
              </Title>
            </Anchor>
            <Text size="sm" c="gray.7" visibleFrom="md">
              {user.displayName} · {t(`roles.${user.role}`)}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {INBOX_ROLES.includes(user.role) && <UnreadBadge />}
            <LanguageSwitch />
            <Button variant="subtle" size="xs" onClick={signOut}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')} component="nav">
        {items.map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={t(item.label)}
            active={item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: () => must(api.GET('/api/inbox/unread-count')),
    refetchInterval: 5_000,
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Anchor component={Link} to="/kotak-masuk" aria-label={t('nav.unread', { count })} data-testid="unread-count">
      <Badge color={count > 0 ? 'red' : 'gray'} variant={count > 0 ? 'filled' : 'light'} size="lg">
        {count}
      </Badge>
    </Anchor>
  );
}
