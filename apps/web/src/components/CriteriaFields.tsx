import { Group, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weightedScore } from '../../../../libs/domain/desk/aggregation';
import type { components } from '../api/schema';
import { formatNumber } from '../format/time';
import { useSession } from '../session/session';

type Rubric = components['schemas']['DeskQueueRubricDto'];

/** What a person has typed per criterion: a number, or '' while the field is empty. */
export type CriterionValues = Record<string, number | ''>;

/** Empty values for every criterion, or the ones a sheet already holds. */
export function criterionValues(rubric: Rubric | undefined, saved?: Record<string, number>): CriterionValues {
  return Object.fromEntries((rubric?.criteria ?? []).map(({ key }) => [key, saved?.[key] ?? '']));
}

/** The scores to send: the criteria filled in (the API names the ones missing). */
export function filledScores(values: CriterionValues): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter((pair): pair is [string, number] => pair[1] !== ''));
}

/** Each criterion's field name in the API's refusals (`scores.<key>`), for `fieldProblems`. */
export function criterionFieldNames(rubric: Rubric): [string, string][] {
  return rubric.criteria.map(({ key }) => [`scores.${key}`, `scores.${key}`]);
}

/** The weighted total as the engine computes it (`weightedScore`), or undefined until every criterion is in scale. */
export function weightedOf(rubric: Rubric, values: CriterionValues): number | undefined {
  const criteria = rubric.criteria.map(({ key, weight, min, max }) => ({ key, weight, scale: { min, max } }));
  const complete = criteria.every(({ key, weight, scale }) => {
    const value = values[key];
    return weight === 0 || (typeof value === 'number' && value >= scale.min && value <= scale.max);
  });
  return complete ? weightedScore(criteria, values as Record<string, number>) : undefined;
}

/**
 * A rubric's score fields, one number per criterion with its weight and scale and the API's refusal beside it, and
 * the weighted total as the person types: the desk evaluator's sheet and the panelist's interview sheet alike.
 */
export function CriteriaFields({
  rubric,
  values,
  onChange,
  errorAt,
  totalTestId,
}: {
  rubric: Rubric;
  values: CriterionValues;
  onChange: (values: CriterionValues) => void;
  errorAt: (field: string) => string | undefined;
  totalTestId: string;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const total = weightedOf(rubric, values);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {rubric.criteria.map((criterion) => (
          <NumberInput
            key={criterion.key}
            label={t('review.sheet.criterion', { name: criterion.name, weight: criterion.weight })}
            description={t('review.sheet.scale', { min: criterion.min, max: criterion.max })}
            withAsterisk={criterion.weight > 0}
            min={criterion.min}
            max={criterion.max}
            clampBehavior="none"
            allowNegative={criterion.min < 0}
            value={values[criterion.key]}
            onChange={(value) => onChange({ ...values, [criterion.key]: typeof value === 'number' ? value : '' })}
            error={errorAt(`scores.${criterion.key}`)}
          />
        ))}
      </SimpleGrid>
      <Group gap="xs" aria-live="polite" data-testid={totalTestId}>
        <Text fw={600}>{t('review.sheet.total')}:</Text>
        <Text fw={700} size="lg">
          {total === undefined ? '–' : formatNumber(total, language, 2)}
        </Text>
        {total === undefined && (
          <Text size="sm" c="gray.7">
            {t('review.sheet.incomplete')}
          </Text>
        )}
      </Group>
    </>
  );
}
