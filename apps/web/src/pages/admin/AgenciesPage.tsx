import { Alert, Button, FileInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
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
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agencies.line')}</Table.Th>
                <Table.Th>{t('agencies.column')}</Table.Th>
                <Table.Th>{t('common.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((problem) => {
                const [, line, column] = /^line (\d+)(?: (.+))?$/.exec(problem.path) ?? [];
                return (
                  <Table.Tr key={problem.path + problem.message}>
                    <Table.Td>{line ?? problem.path}</Table.Td>
                    <Table.Td>{column ?? ''}</Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : (
        importCsv.isError && <ProblemAlert error={importCsv.error} />
      )}
      <QueryView query={agencies}>
        {(list) => (
          <Stack>
            <Text>{t('agencies.count', { count: list.length })}</Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('agencies.code')}</Table.Th>
                    <Table.Th>{t('agencies.name')}</Table.Th>
                    <Table.Th>{t('agencies.province')}</Table.Th>
                    <Table.Th>{t('agencies.zone')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((agency) => (
                    <Table.Tr key={agency.code}>
                      <Table.Td>{agency.code}</Table.Td>
                      <Table.Td>{agency.name}</Table.Td>
                      <Table.Td>{agency.province}</Table.Td>
                      <Table.Td>{agency.zone}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
