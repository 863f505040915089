import { Badge, Button, Card, Group, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { saveDownload } from '../../api/download';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { useListAddress } from '../../components/useListAddress';

type Message = components['schemas']['NotifySinkMessageDto'];

/**
 * The local SMTP sink's mail (the embedded default, demos and development): each message as its recipient sees it,
 * its attachments and the message itself downloadable. Empty when mail goes to a real relay.
 */
export function MailSinkPage() {
  const { t } = useTranslation();
  const address = useListAddress();
  const to = address.get('kepada');
  const [recipient, setRecipient] = useState(to ?? '');
  const [openedId, setOpenedId] = useState<string>();
  const messages = useQuery({
    queryKey: ['mail-sink', to],
    queryFn: () => must(api.GET('/api/mail-sink/messages', { params: { query: to ? { to } : {} } })),
    refetchInterval: 5_000,
  });
  return (
    <Stack>
      <Title order={2}>{t('mail.title')}</Title>
      <Text c="dimmed">{t('mail.explain')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          address.set({ kepada: recipient.trim() });
        }}
      >
        <Group align="end">
          <TextInput
            label={t('mail.recipient')}
            type="email"
            value={recipient}
            onChange={(event) => setRecipient(event.currentTarget.value)}
            w={320}
          />
          <Button type="submit" variant="light">
            {t('mail.filter')}
          </Button>
        </Group>
      </form>
      <QueryView query={messages}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('mail.none')}</Text>
          ) : (
            <DataTable
              columns={[t('mail.received'), t('mail.to'), t('mail.subject'), t('mail.attachments')]}
              rows={list.map((message) => ({
                key: message.id,
                cells: [
                  <Instant at={message.receivedAt} />,
                  message.envelopeTo.join(', '),
                  <UnstyledButton
                    onClick={() => setOpenedId(message.id)}
                    aria-expanded={openedId === message.id}
                    td="underline"
                    c="indigo.8"
                  >
                    {message.subject ?? t('mail.noSubject')}
                  </UnstyledButton>,
                  message.attachments.length,
                ],
              }))}
            />
          )
        }
      </QueryView>
      {openedId && messages.data?.find((message) => message.id === openedId) && (
        <MessageView message={messages.data.find((message) => message.id === openedId)!} />
      )}
    </Stack>
  );
}

/** One message as its recipient reads it: HTML in a sandbox (no scripts, no requests), else its text. */
function MessageView({ message }: { message: Message }) {
  const { t } = useTranslation();
  const id = message.id;
  const download = useMutation({
    mutationFn: (what: { index: number; filename: string } | 'raw') =>
      what === 'raw'
        ? saveDownload(
            api.GET('/api/mail-sink/messages/{id}/raw', { params: { path: { id } }, parseAs: 'blob' }),
            `surat-${id}.eml`,
          )
        : saveDownload(
            api.GET('/api/mail-sink/messages/{id}/attachments/{index}', {
              params: { path: { id, index: what.index } },
              parseAs: 'blob',
            }),
            what.filename,
          ),
  });
  return (
    <Card withBorder component="section" aria-labelledby="mail-subject">
      <Stack gap="xs">
        <Title order={3} size="h4" id="mail-subject">
          {message.subject ?? t('mail.noSubject')}
        </Title>
        <Text size="sm">
          {t('mail.from')} {message.envelopeFrom} · {t('mail.to')} {message.envelopeTo.join(', ')} ·{' '}
          <Instant at={message.receivedAt} />
        </Text>
        {message.htmlBody ? (
          <iframe
            title={t('mail.body')}
            sandbox=""
            srcDoc={message.htmlBody}
            style={{ width: '100%', minHeight: 320, border: '1px solid var(--mantine-color-gray-3)' }}
          />
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-text">
            {message.textBody}
          </Text>
        )}
        <Group>
          {message.attachments.map((attachment, index) => (
            <Button
              key={index}
              variant="default"
              onClick={() => download.mutate({ index, filename: attachment.filename ?? `lampiran-${index + 1}` })}
            >
              {attachment.filename ?? `lampiran-${index + 1}`}{' '}
              <Badge ml="xs" variant="light">
                {(attachment.contentType ?? '').split(';')[0]}
              </Badge>
            </Button>
          ))}
          <Button variant="light" onClick={() => download.mutate('raw')}>
            {t('mail.raw')}
          </Button>
        </Group>
        {download.isError && <ProblemAlert error={download.error} />}
      </Stack>
    </Card>
  );
}
