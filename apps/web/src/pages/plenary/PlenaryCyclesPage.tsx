import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';

/** The cycles whose plenary room a panelist, the secretariat or an auditor may open. */
export function PlenaryCyclesPage() {
  const { t } = useTranslation();
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => must(api.GET('/api/cycles')) });
  return (
    <Stack>
      <Title order={2}>{t('plenary.list.title')}</Title>
      <Text>{t('plenary.list.intro')}</Text>
      <QueryView query={cycles}>
        {(list) =>
          list.length === 0 ? (
            t('common.none')
          ) : (
            <DataTable
              minWidth={360}
              columns={[t('plenary.list.cycle'), t('plenary.list.status')]}
              rows={list.map((cycle) => {
                const name = `${cycle.programme.toUpperCase()} ${cycle.year}`;
                return {
                  key: cycle.id,
                  cells: [
                    <Anchor component={Link} to={`/pleno/${cycle.id}`}>
                      {name} · {cycle.id}
                    </Anchor>,
                    <Badge variant="light">{t(`cycles.statuses.${cycle.status}`, cycle.status)}</Badge>,
                  ],
                };
              })}
            />
          )
        }
      </QueryView>
    </Stack>
  );
}
