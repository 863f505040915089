import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../session/session';
import { useUser } from '../session/session';

/** Said instead of an empty table when a page is not for this person. */
export function ForbiddenPage({ roles, message }: { roles?: Role[]; message?: string }) {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Stack>
      <Title order={2}>{t('forbidden.title')}</Title>
      <Alert color="orange" role="alert">
        {message ??
          t('forbidden.body', {
            role: t(`roles.${user.role}`),
            roles: (roles ?? []).map((role) => t(`roles.${role}`)).join(', '),
          })}
      </Alert>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
    </Stack>
  );
}
