import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../session/session';

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Stack>
      <Title order={2}>{t('home.welcome', { name: user.displayName })}</Title>
      <Text>{t('home.signedInAs', { role: t(`roles.${user.role}`) })}</Text>
    </Stack>
  );
}
