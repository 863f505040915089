import { Alert, Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { CriteriaFields, criterionFieldNames, criterionValues, filledScores } from '../../components/CriteriaFields';
import { DataTable } from '../../components/DataTable';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession } from '../../session/session';

type AgendaStage = components['schemas']['InterviewAgendaStageDto'];
type Interview = components['schemas']['InterviewAgendaItemDto'];
type Rubric = components['schemas']['DeskQueueRubricDto'];

const AGENDA = ['interview-agenda'];

/**
 * A panelist's interviews: each on their panels in an open interview stage, at its time in their zone with the
 * agency's local time beside it, the meeting link, attendance to record, and the score sheet of the group's rubric.
 */
export function InterviewAgendaPage() {
  const { t } = useTranslation();
  const agenda = useQuery({
    queryKey: AGENDA,
    queryFn: () => must(api.GET('/api/interview-agenda')),
    refetchInterval: 30_000,
  });
  return (
    <Stack>
      <Title order={2}>{t('panelInterviews.title')}</Title>
      <Text>{t('panelInterviews.intro')}</Text>
      <QueryView query={agenda}>
        {(stages) =>
          stages.length === 0 ? (
            <Text>{t('panelInterviews.none')}</Text>
          ) : (
            stages.map((stage) => <StageAgenda key={`${stage.cycleId}-${stage.stageKey}`} stage={stage} />)
          )
        }
      </QueryView>
    </Stack>
  );
}

function StageAgenda({ stage }: { stage: AgendaStage }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string>();
  const opened = stage.interviews.find((interview) => interview.entryId === open);
  return (
    <Card withBorder component="section" aria-label={`${stage.programme.toUpperCase()} ${stage.year}`}>
      <Stack>
        <Title order={3} size="h4">
          {stage.programme.toUpperCase()} {stage.year} · {stage.stageName}
        </Title>
        <DataTable
          minWidth={900}
          columns={[
            t('panelInterviews.when'),
            t('panelInterviews.agencyTime'),
            t('panelInterviews.innovation'),
            t('panelInterviews.panel'),
            t('panelInterviews.attendance'),
            t('panelInterviews.sheet'),
          ]}
          rows={stage.interviews.map((interview) => ({
            key: interview.entryId,
            cells: [
              <Instant at={interview.startsAt} />,
              <Instant at={interview.startsAt} zone={interview.agencyZone} />,
              <Stack gap={0}>
                <Text fw={600}>{interview.title}</Text>
                <Text size="sm">{interview.agencyName}</Text>
              </Stack>,
              <Anchor href={interview.meetingUrl} target="_blank" rel="noreferrer">
                {t('panelInterviews.join', { panel: interview.panelName })}
              </Anchor>,
              <Attendance interview={interview} />,
              <Button
                size="xs"
                variant={interview.scoredAt ? 'default' : 'filled'}
                aria-label={t('panelInterviews.sheetFor', { title: interview.title })}
                onClick={() => setOpen(interview.entryId)}
              >
                {interview.scoredAt ? t('panelInterviews.scoredAt') : t('panelInterviews.score')}
              </Button>,
            ],
          }))}
        />
        {opened && (
          <ScoreSheet
            key={opened.entryId}
            interview={opened}
            rubric={stage.rubrics.find((rubric) => rubric.group === opened.group)}
          />
        )}
      </Stack>
    </Card>
  );
}

/** Attendance as recorded, or a choice to record it once the interview has begun. */
function Attendance({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [choice, setChoice] = useState<'present' | 'absent'>('present');
  const record = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/entries/{entryId}/interview/attendance', {
          params: { path: { entryId: interview.entryId } },
          body: { attendance: choice },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: AGENDA }),
  });
  if (interview.attendance) return <Text>{t(`panelInterviews.attendances.${interview.attendance}`)}</Text>;
  return (
    <Stack gap={4} role="group" aria-label={t('panelInterviews.recordFor', { title: interview.title })}>
      <SegmentedControl
        size="xs"
        value={choice}
        onChange={(value) => setChoice(value as 'present' | 'absent')}
        data={[
          { value: 'present', label: t('panelInterviews.attendances.present') },
          { value: 'absent', label: t('panelInterviews.attendances.absent') },
        ]}
      />
      <Button size="xs" variant="default" loading={record.isPending} onClick={() => record.mutate()}>
        {t('panelInterviews.record')}
      </Button>
      {record.isError && <FormRefusal error={record.error} unplaced={[]} />}
    </Stack>
  );
}

/** The interview's score sheet: a number per criterion with the weighted total as the engine computes it. */
function ScoreSheet({ interview, rubric }: { interview: Interview; rubric?: Rubric }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const queries = useQueryClient();
  const [values, setValues] = useState(() => criterionValues(rubric));
  const save = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/entries/{entryId}/interview/scores', {
          params: { path: { entryId: interview.entryId } },
          body: { scores: filledScores(values) },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: AGENDA }),
  });
  if (!rubric) return null;
  const problems = fieldProblems(save.error, Object.fromEntries(criterionFieldNames(rubric)));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Card withBorder component="section" aria-label={t('panelInterviews.sheetFor', { title: interview.title })}>
        <Stack>
          <Title order={4}>{t('panelInterviews.sheetFor', { title: interview.title })}</Title>
          <CriteriaFields
            rubric={rubric}
            values={values}
            onChange={setValues}
            errorAt={problems.errorAt}
            totalTestId="interview-total"
          />
          {save.isError && <FormRefusal error={save.error} unplaced={problems.unplaced} />}
          {save.data && (
            <Alert color="green" role="status">
              {t('panelInterviews.saved', {
                version: save.data.version,
                weighted: formatNumber(save.data.weighted, language, 1),
              })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('panelInterviews.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}
