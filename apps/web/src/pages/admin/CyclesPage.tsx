import { Anchor, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { useUser } from '../../session/session';

export function CyclesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => must(api.GET('/api/cycles')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('cycles.title')}</Title>
        {user.role === 'admin' && (
          <Button component={Link} to="/siklus/baru">
            {t('cycles.create')}
          </Button>
        )}
      </Group>
      <QueryView query={cycles}>
        {(list) =>
          list.length === 0 ? (
            t('common.none')
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cycles.cycle')}</Table.Th>
                    <Table.Th>{t('cycles.programme')}</Table.Th>
                    <Table.Th>{t('cycles.status')}</Table.Th>
                    <Table.Th>{t('cycles.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((cycle) => (
                    <Table.Tr key={cycle.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/siklus/${cycle.id}`}>
                          {cycle.id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {cycle.programme} {cycle.year}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`cycles.statuses.${cycle.status}`, cycle.status)}</Badge>{' '}
                        {cycle.paused && <Badge color="orange">{t('cycles.paused')}</Badge>}
                      </Table.Td>
                      <Table.Td>
                        <Instant at={cycle.createdAt} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
