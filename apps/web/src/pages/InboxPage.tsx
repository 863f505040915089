import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { QueryView } from '../components/QueryView';
import { Instant } from '../components/Time';

/** Every notice Tahap sent the agency (or the person); opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const notices = useQuery({ queryKey: ['inbox'], queryFn: () => must(api.GET('/api/inbox')), refetchInterval: 5_000 });
  const read = useMutation({
    mutationFn: (noticeId: string) =>
      must(api.POST('/api/inbox/{noticeId}/read', { params: { path: { noticeId: Number(noticeId) } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['inbox'] }),
  });
  return (
    <Stack maw={900}>
      <Title order={2}>{t('nav.inbox')}</Title>
      <QueryView query={notices}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('inbox.empty')}</Text>
          ) : (
            <Accordion
              variant="separated"
              onChange={(id) => {
                const notice = list.find((candidate) => candidate.id === id);
                if (notice && !notice.readAt) read.mutate(notice.id);
              }}
            >
              {list.map((notice) => (
                <Accordion.Item key={notice.id} value={notice.id}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={notice.readAt ? 400 : 700}>{notice.subject}</Text>
                      <Group gap="xs" wrap="nowrap">
                        {!notice.readAt && <Badge color="red">{t('inbox.new')}</Badge>}
                        <Text size="sm" c="gray.7">
                          <Instant at={notice.createdAt} />
                        </Text>
                      </Group>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</Text>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )
        }
      </QueryView>
    </Stack>
  );
}
