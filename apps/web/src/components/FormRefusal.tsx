import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ProblemAlert } from './QueryView';

/**
 * A form's refusal as the API words it: each field issue at its field (`errorAt('email')`), and the sentence with any
 * issue no field shows in an alert above the buttons. `fields` maps the API's paths to the form's names.
 */
export function fieldProblems(error: unknown, fields: Record<string, string>) {
  const details = error instanceof ApiError ? (error.problem.details ?? []) : [];
  const at = new Map<string, string[]>();
  const unplaced: { path: string; message: string }[] = [];
  for (const detail of details) {
    const field = fields[detail.path];
    if (field) at.set(field, [...(at.get(field) ?? []), detail.message]);
    else unplaced.push(detail);
  }
  return {
    errorAt: (field: string) => at.get(field)?.join('; '),
    unplaced,
  };
}

/** The refusal's own sentence; field issues already shown at their fields are not repeated. */
export function FormRefusal({ error, unplaced }: { error: unknown; unplaced: { path: string; message: string }[] }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.problem.statusCode === 403) return <ProblemAlert error={error} />;
  return (
    <Alert color="red" role="alert" title={t('common.error')}>
      {error.message}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((detail) => (
            <li key={detail.path + detail.message}>
              {detail.path}: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
