import { Alert, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ForbiddenPage } from '../pages/StatusPages';

/** A query's three faces: loading, the API's refusal in its own words (403 as "not for you"), or the data. */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return <>{children(query.data)}</>;
}

export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.problem.statusCode === 403) return <ForbiddenPage message={error.message} />;
  const details = error instanceof ApiError ? (error.problem.details ?? []) : [];
  return (
    <Alert color="red" role="alert" title={t('common.error')}>
      {error instanceof Error ? error.message : String(error)}
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail.path + detail.message}>
              {detail.path}: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
