import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CLUSTER_NAMES, isCluster } from '../../../../../libs/domain/cluster';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';
import { QueryView } from '../../components/QueryView';
import { formatInstant } from '../../format/time';
import { useSession } from '../../session/session';

type Nominee = components['schemas']['SelectionNomineeDto'];

/** The API's paths of an objection, and the form's field each is shown at. */
const FIELDS: Record<string, string> = {
  entryId: 'entryId',
  reason: 'reason',
  contactName: 'contactName',
  contactEmail: 'contactEmail',
};

/**
 * Uji publik, for anyone and without signing in: the published nominees (`GET /cycles/{cycleId}/nominees`) and an
 * objection to one of them with a reason and a contact (`POST /cycles/{cycleId}/objections`).
 */
export function NomineesPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const { cycleId = '' } = useParams();
  const [chosen, setChosen] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const nominees = useQuery({
    queryKey: ['public', cycleId, 'nominees'],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}/nominees', { params: { path: { cycleId } } })),
  });
  return (
    <Stack maw={960} mx="auto">
      <Title order={2}>{t('nominees.title')}</Title>
      <Text>{t('nominees.intro')}</Text>
      <QueryView query={nominees}>
        {(list) => (
          <Stack>
            <Text size="sm" c="gray.7">
              {t('nominees.version', { version: list.version })}
              {list.publishedAt && (
                <>
                  {' · '}
                  {t('nominees.publishedAt')}{' '}
                  <time dateTime={new Date(list.publishedAt).toISOString()}>
                    {formatInstant(list.publishedAt, 'WIB', language)}
                  </time>
                </>
              )}
            </Text>
            {list.nominees.length === 0 ? (
              <Text>{t('nominees.none')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="ul" p={0} style={{ listStyle: 'none' }}>
                {list.nominees.map((nominee) => (
                  <Card withBorder component="li" key={nominee.entryId}>
                    <Stack gap="xs" h="100%" justify="space-between">
                      <Stack gap={4}>
                        <Title order={3} size="h5">
                          {nominee.title}
                        </Title>
                        <Text>{nominee.agencyName}</Text>
                        <Group gap="xs">
                          <Badge variant="light">
                            {isCluster(nominee.cluster) ? CLUSTER_NAMES[nominee.cluster] : nominee.cluster}
                          </Badge>
                          <Badge variant="light" color="gray">
                            {nominee.group}
                          </Badge>
                        </Group>
                        <Text size="sm">{t('nominees.rank', { rank: nominee.rankInCell })}</Text>
                      </Stack>
                      <Button
                        variant="light"
                        size="xs"
                        aria-label={t('nominees.objectTo', { title: nominee.title })}
                        onClick={() => {
                          setChosen(nominee.entryId);
                          form.current?.scrollIntoView({ behavior: 'smooth' });
                          form.current?.querySelector('textarea')?.focus({ preventScroll: true });
                        }}
                      >
                        {t('nominees.object')}
                      </Button>
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
            )}
            <ObjectionForm
              cycleId={cycleId}
              nominees={list.nominees}
              chosen={chosen}
              onChoose={setChosen}
              formRef={form}
            />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function ObjectionForm({
  cycleId,
  nominees,
  chosen,
  onChoose,
  formRef,
}: {
  cycleId: string;
  nominees: Nominee[];
  chosen: string | null;
  onChoose: (entryId: string | null) => void;
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [reason, setReason] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [filed, setFiled] = useState<string>();
  const file = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/cycles/{cycleId}/objections', {
          params: { path: { cycleId } },
          body: { entryId: chosen ?? '', reason, contactName, contactEmail: contactEmail.trim(), language },
        }),
      ),
    onSuccess: (answer) => {
      const title = nominees.find((nominee) => nominee.entryId === chosen)?.title ?? '';
      const closes = formatInstant(answer.confirmBy, 'WIB', language);
      setFiled(t('nominees.filed', { title, email: contactEmail.trim(), closes }));
      setReason('');
      onChoose(null);
    },
  });
  const problems = fieldProblems(file.error, FIELDS);
  return (
    <Card withBorder component="section" aria-labelledby="objection-form-title">
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setFiled(undefined);
          file.mutate();
        }}
      >
        <Stack>
          <Title order={3} size="h4" id="objection-form-title">
            {t('nominees.form')}
          </Title>
          <Text size="sm">{t('nominees.formHint')}</Text>
          <Select
            label={t('nominees.nominee')}
            withAsterisk
            value={chosen}
            onChange={onChoose}
            data={nominees.map((nominee) => ({
              value: nominee.entryId,
              label: `${nominee.title} · ${nominee.agencyName}`,
            }))}
            error={problems.errorAt('entryId')}
          />
          <Textarea
            label={t('nominees.reason')}
            description={t('nominees.reasonHint')}
            withAsterisk
            autosize
            minRows={4}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problems.errorAt('reason')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('nominees.contactName')}
              withAsterisk
              autoComplete="name"
              value={contactName}
              onChange={(event) => setContactName(event.currentTarget.value)}
              error={problems.errorAt('contactName')}
            />
            <TextInput
              label={t('nominees.contactEmail')}
              withAsterisk
              type="email"
              autoComplete="email"
              value={contactEmail}
              onChange={(event) => setContactEmail(event.currentTarget.value)}
              error={problems.errorAt('contactEmail')}
            />
          </SimpleGrid>
          {file.isError && <FormRefusal error={file.error} unplaced={problems.unplaced} />}
          {filed && (
            <Alert color="green" role="status">
              {filed}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={file.isPending}>
              {t('nominees.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
