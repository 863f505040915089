import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format/time';
import { useSession } from '../session/session';
import { DataTable } from './DataTable';

export interface DaySeries {
  key: string;
  label: string;
  color: string;
}

const HEIGHT = 160;
const BAR = 10;
const GAP = 6;

/**
 * Counts per day as grouped bars, drawn as SVG (no chart library for two series). Screen readers get the same numbers
 * as a table under "show as a table"; the picture is named by what it totals.
 */
export function DayChart<K extends string>({
  title,
  days,
  series,
}: {
  title: string;
  days: ({ day: string } & Record<K, number>)[];
  series: (DaySeries & { key: K })[];
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const highest = Math.max(1, ...days.flatMap((day) => series.map((one) => day[one.key])));
  const dayWidth = series.length * BAR + GAP * 2;
  const width = Math.max(dayWidth * days.length, 120);
  const totals = series.map(
    (one) =>
      `${one.label}: ${formatNumber(
        days.reduce((sum, day) => sum + day[one.key], 0),
        language,
      )}`,
  );
  const dateOf = (day: string) =>
    new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short' }).format(
      new Date(`${day}T12:00:00Z`),
    );
  return (
    <Stack gap="xs">
      <Group gap="md">
        {series.map((one) => (
          <Group gap={4} key={one.key}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={one.color} />
            </svg>
            <Text size="sm">{one.label}</Text>
          </Group>
        ))}
      </Group>
      {days.length === 0 ? (
        <Text c="dimmed">{t('common.none')}</Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <svg
            role="img"
            aria-label={`${title}. ${totals.join('; ')}`}
            width={width}
            height={HEIGHT + 20}
            viewBox={`0 0 ${width} ${HEIGHT + 20}`}
          >
            {days.map((day, index) => (
              <g key={day.day} transform={`translate(${index * dayWidth + GAP}, 0)`}>
                {series.map((one, position) => {
                  const height = Math.round((day[one.key] / highest) * HEIGHT);
                  return (
                    <rect
                      key={one.key}
                      x={position * BAR}
                      y={HEIGHT - height}
                      width={BAR - 1}
                      height={height}
                      fill={one.color}
                    />
                  );
                })}
                {(days.length <= 14 || index % 7 === 0) && (
                  <text x={0} y={HEIGHT + 14} fontSize="10" fill="currentColor">
                    {dateOf(day.day)}
                  </text>
                )}
              </g>
            ))}
          </svg>
        </div>
      )}
      <details>
        <summary>{t('dashboard.asTable')}</summary>
        <DataTable
          columns={[t('dashboard.day'), ...series.map((one) => one.label)]}
          rows={days.map((day) => ({
            key: day.day,
            cells: [dateOf(day.day), ...series.map((one) => formatNumber(day[one.key], language))],
          }))}
        />
      </details>
    </Stack>
  );
}
