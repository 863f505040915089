import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
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
            <DataTable
              columns={[t('cycles.cycle'), t('cycles.programme'), t('cycles.status'), t('cycles.createdAt')]}
              rows={list.map((cycle) => ({
                key: cycle.id,
                cells: [
                  <Anchor component={Link} to={`/siklus/${cycle.id}`}>
                    {cycle.id}
                  </Anchor>,
                  `${cycle.programme.toUpperCase()} ${cycle.year}`,
                  <>
                    <Badge variant="light">{t(`cycles.statuses.${cycle.status}`, cycle.status)}</Badge>{' '}
                    {cycle.paused && <Badge color="orange">{t('cycles.paused')}</Badge>}
                  </>,
                  <Instant at={cycle.createdAt} />,
                ],
              }))}
            />
          )
        }
      </QueryView>
    </Stack>
  );
}
