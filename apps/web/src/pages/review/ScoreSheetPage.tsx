import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { ActionDialog } from '../../components/ActionDialog';
import { CriteriaFields, criterionFieldNames, criterionValues, filledScores } from '../../components/CriteriaFields';
import { DataTable } from '../../components/DataTable';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';
import { QueryView } from '../../components/QueryView';
import { Countdown, Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';
import { useDeskQueue, type QueueStage, type ReviewNotice } from './ReviewQueuePage';

type Entry = components['schemas']['EntryDto'];
type Rubric = components['schemas']['DeskQueueRubricDto'];
type Sheet = components['schemas']['DeskScoreSheetDto'];

/**
 * One entry's score sheet: the innovation as registered, a number per criterion of its group's rubric with the
 * weighted total as the engine computes it, a comment where the template requires one, the API's refusals at their
 * fields, "save and next" to the next entry not yet scored, my earlier versions, and declaring a conflict of interest.
 */
export function ScoreSheetPage() {
  const { t } = useTranslation();
  const { cycleId = '', entryId = '' } = useParams();
  const notice = (useLocation().state as ReviewNotice | null)?.notice;
  const queue = useDeskQueue();
  const entry = useQuery({
    queryKey: ['entry', entryId],
    queryFn: () => must(api.GET('/api/entries/{entryId}', { params: { path: { entryId } } })),
  });
  const sheets = useQuery({
    queryKey: ['entry', entryId, 'desk-scores'],
    queryFn: () => must(api.GET('/api/entries/{entryId}/desk-scores', { params: { path: { entryId } } })),
  });
  return (
    <Stack>
      <Anchor component={Link} to="/penilaian">
        ← {t('review.sheet.back')}
      </Anchor>
      <Title order={2}>{t('review.sheet.title')}</Title>
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <QueryView query={queue}>
        {(stages) => {
          const stage = stages.find(
            (candidate) => candidate.cycleId === cycleId && candidate.entries.some((item) => item.entryId === entryId),
          );
          if (!stage) return <Alert color="orange">{t('review.sheet.notInQueue')}</Alert>;
          return (
            <QueryView query={entry}>
              {(document) => {
                const rubric = stage.rubrics.find((candidate) => candidate.group === document.group);
                return (
                  <Stack>
                    <EntryDocument entry={document} stage={stage} rubric={rubric} />
                    <QueryView query={sheets}>
                      {(versions) => (
                        <Stack>
                          {rubric && (
                            <SheetForm
                              key={entryId}
                              stage={stage}
                              entry={document}
                              rubric={rubric}
                              latest={versions.at(-1)}
                            />
                          )}
                          <Versions versions={versions} />
                        </Stack>
                      )}
                    </QueryView>
                    <DeclareConflict entry={document} />
                  </Stack>
                );
              }}
            </QueryView>
          );
        }}
      </QueryView>
    </Stack>
  );
}

/** The innovation as registered; the agency only where the review is not blind. */
function EntryDocument({ entry, stage, rubric }: { entry: Entry; stage: QueueStage; rubric?: Rubric }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-label={t('review.sheet.innovation')}>
      <Stack gap="xs">
        <Title order={3}>{entry.title}</Title>
        <Text size="sm" c="gray.7">
          {stage.stageName} · {rubric?.groupName ?? entry.group} · {t('review.queue.deadline')}{' '}
          <Instant at={stage.closesAt} /> · <Countdown until={stage.closesAt} />
        </Text>
        {entry.agencyCode && (
          <Text>
            <strong>{t('review.sheet.agency')}:</strong> {entry.agencyCode}
          </Text>
        )}
        <Text>
          <strong>{t('review.sheet.summary')}:</strong>
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.summary}</Text>
        {entry.launchDate && (
          <Text>
            <strong>{t('review.sheet.launchDate')}:</strong> {entry.launchDate}
          </Text>
        )}
        {entry.evidenceLinks.length > 0 && (
          <>
            <Text>
              <strong>{t('review.sheet.evidence')}:</strong>
            </Text>
            <ul>
              {entry.evidenceLinks.map((link) => (
                <li key={link}>
                  <Anchor href={link} target="_blank" rel="noreferrer">
                    {link}
                  </Anchor>
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
    </Card>
  );
}

function SheetForm({
  stage,
  entry,
  rubric,
  latest,
}: {
  stage: QueueStage;
  entry: Entry;
  rubric: Rubric;
  latest?: Sheet;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [values, setValues] = useState(() => criterionValues(rubric, latest?.scores));
  const [comment, setComment] = useState(latest?.comment ?? '');
  const [saved, setSaved] = useState<string>();
  // The next entry of this stage not yet scored, as the queue stood when the sheet opened.
  const next = stage.entries.find((item) => item.version === null && item.entryId !== entry.id);
  const save = useMutation({
    mutationFn: (_andNext: boolean) =>
      must(
        api.POST('/api/entries/{entryId}/desk-scores', {
          params: { path: { entryId: entry.id } },
          body: {
            scores: filledScores(values),
            ...(comment.trim() && { comment: comment.trim() }),
          },
        }),
      ),
    onSuccess: async (receipt, andNext) => {
      await queries.invalidateQueries({ queryKey: ['desk-queue'] });
      await queries.invalidateQueries({ queryKey: ['entry', entry.id, 'desk-scores'] });
      const notice = t('review.sheet.saved', {
        version: receipt.version,
        weighted: formatNumber(receipt.weighted, language, 1),
      });
      if (!andNext) setSaved(notice);
      else if (next) void navigate(`/penilaian/${stage.cycleId}/${next.entryId}`, { state: { notice } });
      else void navigate('/penilaian', { state: { notice: t('review.sheet.allDone') } });
    },
  });
  const problems = fieldProblems(
    save.error,
    Object.fromEntries([...criterionFieldNames(rubric), ['comment', 'comment']]),
  );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(undefined);
        save.mutate((event.nativeEvent as SubmitEvent).submitter?.getAttribute('name') === 'next');
      }}
    >
      <Card withBorder component="section" aria-label={t('review.sheet.rubric', { name: rubric.name })}>
        <Stack>
          <Title order={3} size="h4">
            {t('review.sheet.rubric', { name: rubric.name })}
          </Title>
          <CriteriaFields
            rubric={rubric}
            values={values}
            onChange={setValues}
            errorAt={problems.errorAt}
            totalTestId="weighted-total"
          />
          <Textarea
            label={t('review.sheet.comment')}
            description={stage.commentRequired ? t('review.sheet.commentRequired') : t('review.sheet.commentOptional')}
            withAsterisk={stage.commentRequired}
            autosize
            minRows={3}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={problems.errorAt('comment')}
          />
          {save.isError && <FormRefusal error={save.error} unplaced={problems.unplaced} />}
          {saved && (
            <Alert color="green" role="status">
              {saved}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" name="save" variant="default" loading={save.isPending && !save.variables}>
              {t('review.sheet.save')}
            </Button>
            <Button type="submit" name="next" loading={save.isPending && save.variables}>
              {t('review.sheet.saveAndNext')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

/** My earlier versions of this sheet, the latest last (an evaluator reads only their own). */
function Versions({ versions }: { versions: Sheet[] }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('review.sheet.versions')}
      </Title>
      {versions.length === 0 ? (
        <Text>{t('review.sheet.noVersions')}</Text>
      ) : (
        <DataTable
          columns={[
            t('review.sheet.version'),
            t('review.sheet.submittedAt'),
            t('review.sheet.weighted'),
            t('review.sheet.comment'),
          ]}
          rows={versions.map((version) => ({
            key: version.id,
            cells: [
              version.version,
              <Instant at={version.submittedAt} />,
              formatNumber(version.weighted, language, 1),
              <Text size="sm" lineClamp={3}>
                {version.comment ?? '–'}
              </Text>,
            ],
          }))}
        />
      )}
    </Stack>
  );
}

/** Declaring a conflict of interest (`POST /entries/{entryId}/conflicts`): the entry leaves my queue. */
function DeclareConflict({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  return (
    <Group>
      <Button variant="light" color="red" onClick={() => setOpened(true)}>
        {t('review.sheet.conflict')}
      </Button>
      <ActionDialog
        title={t('review.sheet.conflictTitle', { title: entry.title })}
        confirm={t('review.sheet.conflict')}
        opened={opened}
        onClose={() => setOpened(false)}
        reasonLabel={t('review.sheet.conflictReason')}
        invalidates={[['desk-queue']]}
        run={async (reason) => {
          await must(
            api.POST('/api/entries/{entryId}/conflicts', { params: { path: { entryId: entry.id } }, body: { reason } }),
          );
          void navigate('/penilaian', { state: { notice: t('review.sheet.conflictDeclared') } });
        }}
      >
        <Text size="sm">{t('review.sheet.conflictHint')}</Text>
      </ActionDialog>
    </Group>
  );
}
