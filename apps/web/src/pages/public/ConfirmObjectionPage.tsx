import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';

/**
 * Where the link e-mailed to an objector leads: one button confirms the objection
 * (`POST /cycles/{cycleId}/objections/{objectionId}/confirmation`). Opening the page confirms nothing, so a mail
 * scanner that follows links cannot confirm for the person. The code arrives in the address's fragment (`#kode=`),
 * which no server sees.
 */
export function ConfirmObjectionPage() {
  const { t } = useTranslation();
  const { cycleId = '', objectionId = '' } = useParams();
  const code = new URLSearchParams(useLocation().hash.slice(1)).get('kode') ?? '';
  const confirm = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/cycles/{cycleId}/objections/{objectionId}/confirmation', {
          params: { path: { cycleId, objectionId } },
          body: { code },
        }),
      ),
  });
  const done = confirm.data;
  return (
    <Stack maw={640} mx="auto">
      <Title order={2}>{t('confirmObjection.title')}</Title>
      <Card withBorder>
        <Stack>
          <Text>{t('confirmObjection.intro')}</Text>
          {!code && (
            <Alert color="red" role="alert">
              {t('confirmObjection.noCode')}
            </Alert>
          )}
          {confirm.isError && (
            <FormRefusal error={confirm.error} unplaced={fieldProblems(confirm.error, {}).unplaced} />
          )}
          {done ? (
            <Alert color="green" role="status">
              {t(done.status === 'open' ? 'confirmObjection.confirmed' : 'confirmObjection.decided', {
                title: done.title,
              })}
            </Alert>
          ) : (
            <Button w="fit-content" disabled={!code} loading={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('confirmObjection.confirm')}
            </Button>
          )}
          <Anchor component={Link} to={`/nominasi/${encodeURIComponent(cycleId)}`}>
            {t('confirmObjection.back')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}
