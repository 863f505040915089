import { Alert, Button, FileInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';

/** The agencies, and a CSV import that takes all lines or none, every bad line shown with its line and reason. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => must(api.GET('/api/agencies')) });
  const [file, setFile] = useState<File | null>(null);
  const importCsv = useMutation({
    mutationFn: async (csv: File) =>
      must(
        api.POST('/api/agencies/import', {
          params: { header: { 'content-type': 'text/csv' } },
          body: await csv.text(),
          bodySerializer: (body) => body,
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['agencies'] }),
  });
  const problems =
    importCsv.error instanceof ApiError && importCsv.error.problem.code === 'AGENCY.IMPORT_INVALID'
      ? (importCsv.error.problem.details ?? [])
      : undefined;
  return (
    <Stack>
      <Title order={2}>{t('nav.agencies')}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) importCsv.mutate(file);
        }}
      >
        <Stack maw={640}>
          <FileInput
            label={t('agencies.csv')}
            description={t('agencies.csvHint')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
          />
          <Button type="submit" disabled={!file} loading={importCsv.isPending} w="fit-content">
            {t('agencies.import')}
          </Button>
        </Stack>
      </form>
      {importCsv.isSuccess && (
        <Alert color="green" role="status">
          {t('agencies.imported', { count: importCsv.data.imported })}
        </Alert>
      )}
      {problems ? (
        <Alert color="red" role="alert" title={t('agencies.nothingImported', { count: problems.length })}>
          <DataTable
            minWidth={360}
            columns={[t('agencies.line'), t('agencies.column'), t('common.reason')]}
            rows={problems.map((problem) => {
              const [, line, column] = /^line (\d+)(?: (.+))?$/.exec(problem.path) ?? [];
              return {
                key: problem.path + problem.message,
                cells: [line ?? problem.path, column ?? '', problem.message],
              };
            })}
          />
        </Alert>
      ) : (
        importCsv.isError && <ProblemAlert error={importCsv.error} />
      )}
      <QueryView query={agencies}>
        {(list) => (
          <Stack>
            <Text>{t('agencies.count', { count: list.length })}</Text>
            <DataTable
              columns={[t('agencies.code'), t('agencies.name'), t('agencies.province'), t('agencies.zone')]}
              rows={list.map((agency) => ({
                key: agency.code,
                cells: [agency.code, agency.name, agency.province, agency.zone],
              }))}
            />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
