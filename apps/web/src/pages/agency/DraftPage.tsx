import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, must } from '../../api/client';
import type { components } from '../../api/schema';
import { ActionDialog } from '../../components/ActionDialog';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Countdown, Instant } from '../../components/Time';
import { useUser } from '../../session/session';

type Draft = components['schemas']['DraftDto'];
interface Fields {
  title: string;
  group: string | null;
  summary: string;
  launchDate: string;
  evidenceLinks: string;
}

const AUTOSAVE_MS = 800;
/** A copy of unsaved typing, so a closed tab or a lost connection loses nothing (restored at the next visit). */
const backupKey = (id: string) => `tahap.draft.${id}`;

function fieldsOf(draft: Draft): Fields {
  return {
    title: draft.title,
    group: draft.group,
    summary: draft.summary,
    launchDate: draft.launchDate ?? '',
    evidenceLinks: draft.evidenceLinks.join('\n'),
  };
}

export function DraftPage() {
  const { draftId = '' } = useParams();
  const draft = useQuery({
    queryKey: ['draft', draftId],
    queryFn: () => must(api.GET('/api/drafts/{draftId}', { params: { path: { draftId } } })),
  });
  return <QueryView query={draft}>{(data) => <DraftEditor key={data.id} initial={data} />}</QueryView>;
}

function DraftEditor({ initial }: { initial: Draft }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [fields, setFields] = useState<Fields>(() => {
    const backup = localStorage.getItem(backupKey(initial.id));
    const saved = backup ? (JSON.parse(backup) as { revision: number; fields: Fields }) : undefined;
    return saved && saved.revision === initial.revision ? saved.fields : fieldsOf(initial);
  });
  const [dirty, setDirty] = useState(() => localStorage.getItem(backupKey(initial.id)) !== null);
  const [saveProblem, setSaveProblem] = useState<unknown>();
  const [dialog, setDialog] = useState<'return'>();
  const saving = useRef(false);
  const latest = useRef(fields);
  latest.current = fields;
  const cycle = useQuery({
    queryKey: ['cycle', draft.cycleId],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}', { params: { path: { cycleId: draft.cycleId } } })),
  });
  const submission = cycle.data?.stages.find((stage) => stage.type === 'submission');
  const deadlinePassed = submission
    ? submission.status === 'closed' || new Date(submission.closesAt).getTime() <= Date.now()
    : false;
  const editable =
    draft.status !== 'submitted' && (user.role === 'agency' || draft.status === 'draft' || draft.status === 'returned');

  // Autosave: a moment after typing stops, and again after a failed attempt (a lost connection) until it lands.
  useEffect(() => {
    if (!dirty || !editable) return;
    localStorage.setItem(backupKey(draft.id), JSON.stringify({ revision: draft.revision, fields }));
    const timer = setTimeout(() => void save(), saveProblem ? 3_000 : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  });
  // A warning before leaving with changes not yet saved: another page of the portal, or closing the tab.
  const blocker = useBlocker(dirty);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function save(): Promise<Draft | undefined> {
    if (saving.current) return undefined;
    saving.current = true;
    const sent = fields;
    try {
      const saved = await must(
        api.PUT('/api/drafts/{draftId}', {
          params: { path: { draftId: draft.id } },
          body: {
            revision: draft.revision,
            title: sent.title.trim() || draft.title,
            group: sent.group,
            summary: sent.summary,
            launchDate: sent.launchDate || null,
            evidenceLinks: sent.evidenceLinks
              .split('\n')
              .map((link) => link.trim())
              .filter(Boolean),
          },
        }),
      );
      setDraft(saved);
      setSaveProblem(undefined);
      // Typing that went on during the save stays dirty and is saved next.
      if (latest.current === sent) {
        setDirty(false);
        localStorage.removeItem(backupKey(draft.id));
      }
      return saved;
    } catch (error) {
      setSaveProblem(error);
      return undefined;
    } finally {
      saving.current = false;
    }
  }

  const act = useMutation({
    mutationFn: async (action: 'send-for-review' | 'submit') => {
      if (dirty && !(await save())) throw new Error(t('draft.saveFirst'));
      const path = { params: { path: { draftId: draft.id } } };
      return must(
        action === 'submit'
          ? api.POST('/api/drafts/{draftId}/submit', path)
          : api.POST('/api/drafts/{draftId}/send-for-review', path),
      );
    },
    onSuccess: async (next) => {
      setDraft(next);
      await queries.invalidateQueries({ queryKey: ['drafts'] });
    },
  });

  const change = (patch: Partial<Fields>) => {
    setFields((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const conflict = saveProblem instanceof ApiError && saveProblem.problem.code === 'REQUEST.CONCURRENT_CHANGE';

  return (
    <Stack maw={760}>
      <Group justify="space-between">
        <Title order={2}>{draft.title}</Title>
        <Badge size="lg" variant="light" color={draft.status === 'returned' ? 'orange' : undefined}>
          {t(`draft.statuses.${draft.status}`)}
        </Badge>
      </Group>
      {submission && (
        <Text>
          {t('innovations.deadline')} <Instant at={submission.closesAt} weekday /> ·{' '}
          <Countdown until={submission.closesAt} />
        </Text>
      )}
      {draft.status === 'returned' && draft.reviewNote && (
        <Alert color="orange" title={t('draft.returnedNote')} role="status">
          {draft.reviewNote}
        </Alert>
      )}
      {draft.status === 'submitted' && (
        <Alert color="green" role="status">
          {t('draft.submittedInfo')}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void navigate(`/inovasi/${draft.entryId}`)}>
            {t('draft.openEntry')}
          </Button>
        </Alert>
      )}
      {deadlinePassed && draft.status !== 'submitted' && (
        <Alert color="red" role="alert" title={t('draft.deadlinePassedTitle')}>
          {t('draft.deadlinePassed')}
        </Alert>
      )}
      <TextInput
        label={t('draft.title')}
        required
        disabled={!editable}
        value={fields.title}
        onChange={(event) => change({ title: event.currentTarget.value })}
      />
      <Select
        label={t('draft.group')}
        disabled={!editable}
        value={fields.group}
        onChange={(group) => change({ group })}
        data={(cycle.data?.groups ?? []).map((group) => ({ value: group.key, label: group.name }))}
      />
      <Textarea
        label={t('draft.summary')}
        description={t('draft.summaryHint')}
        disabled={!editable}
        autosize
        minRows={4}
        value={fields.summary}
        onChange={(event) => change({ summary: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('draft.launchDate')}
        disabled={!editable}
        value={fields.launchDate}
        onChange={(event) => change({ launchDate: event.currentTarget.value })}
      />
      <Textarea
        label={t('draft.evidenceLinks')}
        description={t('draft.evidenceLinksHint')}
        disabled={!editable}
        autosize
        minRows={2}
        value={fields.evidenceLinks}
        onChange={(event) => change({ evidenceLinks: event.currentTarget.value })}
      />
      <Text size="sm" c="gray.7" role="status" data-testid="save-state">
        {conflict
          ? t('draft.conflict')
          : saveProblem
            ? t('draft.offline')
            : dirty
              ? t('draft.saving')
              : t('draft.saved', { revision: draft.revision })}
      </Text>
      {saveProblem !== undefined && !conflict && saveProblem instanceof ApiError && (
        <ProblemAlert error={saveProblem} />
      )}
      {act.isError && <ProblemAlert error={act.error} />}
      <Group>
        {user.role === 'agency-unit' && (draft.status === 'draft' || draft.status === 'returned') && (
          <Button loading={act.isPending} onClick={() => act.mutate('send-for-review')}>
            {t('draft.sendForReview')}
          </Button>
        )}
        {user.role === 'agency' && draft.status !== 'submitted' && (
          <>
            <Button loading={act.isPending} disabled={deadlinePassed} onClick={() => act.mutate('submit')}>
              {t('draft.submit')}
            </Button>
            {draft.status !== 'returned' && (
              <Button variant="light" color="orange" onClick={() => setDialog('return')}>
                {t('draft.return')}
              </Button>
            )}
          </>
        )}
      </Group>
      <ActionDialog
        title={t('draft.returnTitle')}
        confirm={t('draft.return')}
        reasonLabel={t('draft.returnNote')}
        opened={dialog === 'return'}
        onClose={() => setDialog(undefined)}
        invalidates={[['drafts']]}
        run={async (note) =>
          setDraft(
            await must(
              api.POST('/api/drafts/{draftId}/return', { params: { path: { draftId: draft.id } }, body: { note } }),
            ),
          )
        }
      />
      {blocker.state === 'blocked' && (
        <Alert color="yellow" role="alertdialog" title={t('draft.leaveTitle')}>
          <Group>
            <Text>{t('draft.leaveBody')}</Text>
            <Button size="xs" variant="default" onClick={() => blocker.reset()}>
              {t('draft.stay')}
            </Button>
            <Button size="xs" color="red" onClick={() => blocker.proceed()}>
              {t('draft.leave')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
