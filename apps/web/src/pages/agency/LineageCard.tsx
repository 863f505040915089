import { Badge, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';

type Lineage = components['schemas']['LineageDto'];
type LineageItem = components['schemas']['LineageItemDto'];

/** The innovation across years: each year's entry with its announced result, the original it replicates, its replications. */
export function LineageCard({ lineage }: { lineage: Lineage }) {
  const { t } = useTranslation();
  const rows = (items: LineageItem[]) =>
    items.map((item) => ({
      key: item.entryId,
      cells: [
        `${item.programme.toUpperCase()} ${item.year}`,
        item.entryId === lineage.entry.entryId ? (
          <strong>{item.title}</strong>
        ) : (
          <Link to={`/inovasi/${item.entryId}`}>{item.title}</Link>
        ),
        item.agencyName,
        <ResultBadge result={item.result} />,
      ],
    }));
  const columns = [t('lineage.cycle'), t('lineage.title'), t('lineage.agency'), t('lineage.result')];
  return (
    <Card withBorder component="section" aria-labelledby="lineage-title">
      <Title order={3} size="h5" mb="xs" id="lineage-title">
        {t('lineage.heading')}
      </Title>
      <DataTable columns={columns} rows={rows(lineage.innovation)} />
      {lineage.original && (
        <Text mt="sm">
          {t('lineage.replicates')} <strong>{lineage.original.title}</strong> ({lineage.original.agencyName},{' '}
          {lineage.original.year})
        </Text>
      )}
      {lineage.replications.length > 0 && (
        <>
          <Text mt="sm" fw={600}>
            {t('lineage.replications')}
          </Text>
          <DataTable columns={columns} rows={rows(lineage.replications)} />
        </>
      )}
    </Card>
  );
}

/** An announced result; before the announcement, a plain dash. */
export function ResultBadge({ result }: { result: LineageItem['result'] }) {
  const { t } = useTranslation();
  if (!result)
    return (
      <Text span size="sm">
        {t('lineage.notAnnounced')}
      </Text>
    );
  const color = { winner: 'green', finalist: 'blue', 'not-selected': 'gray' }[result];
  return (
    <Badge variant="light" color={color}>
      {t(`lineage.results.${result}`)}
    </Badge>
  );
}
