import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the API hands out once (an API key, a webhook's signing secret): shown here with a copy button and the
 * warning that it will not be shown again. Closing the dialog forgets it; nothing else on the page ever holds it.
 */
export function SecretDialog({
  title,
  secret,
  onClose,
  children,
}: {
  title: string;
  secret: string | undefined;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== undefined} onClose={onClose} title={title} centered size="lg" closeOnClickOutside={false}>
      {secret !== undefined && (
        <Stack>
          <Alert color="orange" role="alert">
            {t('settings.secret.warning')}
          </Alert>
          <Code block data-testid="secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          {children}
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('settings.secret.copied') : t('settings.secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('settings.secret.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
