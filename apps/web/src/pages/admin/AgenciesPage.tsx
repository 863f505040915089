import { Alert, Button, FileInput, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, must } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { RegisterAgencyForm } from './RegisterAgencyForm';

/**
 * The agencies (newest first), one registered by hand, and a CSV import that takes all lines or none, every bad line
 * shown with its line and reason.
 */
export function AgenciesPage() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => must(api.GET('/api/agencies')) });
  const [file, setFile] = useState<File | null>(null);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<string>();
  const importCsv = useMutation({
    mutationFn: async (csv: File) =>
      must(
        api.POST('/api/agencies/import', {
          headers: { 'content-type': 'text/csv' },
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
      <Group justify="space-between">
        <Title order={2}>{t('nav.agencies')}</Title>
        <Button onClick={() => setRegistering(true)}>{t('adminLists.agencyForm.open')}</Button>
      </Group>
      {registered && (
        <Alert color="green" role="status" withCloseButton onClose={() => setRegistered(undefined)}>
          {t('adminLists.agencyForm.registered', { name: registered })}
        </Alert>
      )}
      <Modal
        opened={registering}
        onClose={() => setRegistering(false)}
        title={t('adminLists.agencyForm.title')}
        size="lg"
        centered
      >
        <RegisterAgencyForm
          onCancel={() => setRegistering(false)}
          onRegistered={(agency) => {
            setRegistering(false);
            setRegistered(`${agency.name} (${agency.code})`);
          }}
        />
      </Modal>
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
              rows={[...list].sort(newestFirst).map((agency) => ({
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

/** The newest agency first, so one just registered or imported is at the top of the table. */
function newestFirst(a: { createdAt: string; code: string }, b: { createdAt: string; code: string }): number {
  return b.createdAt.localeCompare(a.createdAt) || a.code.localeCompare(b.code);
}
