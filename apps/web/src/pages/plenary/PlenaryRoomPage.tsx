import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { MIN_OVERRIDE_REASON_LENGTH } from '../../../../../libs/domain/plenary/plenary-rules';
import { api, ApiError, must } from '../../api/client';
import type { components } from '../../api/schema';
import { saveDownload } from '../../api/download';
import { DataTable } from '../../components/DataTable';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';
import { ProblemAlert, QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession, useUser } from '../../session/session';

type PlenaryState = components['schemas']['PlenaryStateDto'];
type RankedEntry = components['schemas']['PlenaryRankedEntryDto'];
type Override = components['schemas']['PlenaryOverrideStateDto'];
type Vote = 'approve' | 'reject' | 'abstain';
type Direction = 'in' | 'out';

const STATUS_COLOURS: Record<string, string> = {
  open: 'blue',
  deciding: 'orange',
  decided: 'green',
  adjourned: 'gray',
  carried: 'green',
  rejected: 'red',
  lapsed: 'gray',
};

/**
 * The plenary room: the ranked list per cluster and group with final scores and their parts, who is present and the
 * quorum, proposals to move an entry in or out with their reasons, votes with the tally as it stands (read again
 * every second, so every room sees a vote within two seconds), the secretariat's close, and then the decision with
 * its berita acara, JSON and CSV. Panelists vote and propose, the secretariat proposes and closes, auditors read.
 */
export function PlenaryRoomPage() {
  const { t } = useTranslation();
  const { cycleId = '' } = useParams();
  const plenary = useQuery({
    queryKey: ['cycle', cycleId, 'plenary'],
    queryFn: () => must(api.GET('/api/cycles/{cycleId}/plenary', { params: { path: { cycleId } } })),
    // While the plenary sits, everyone's votes show in every room within a second or two; a plenary not open yet
    // (or not this panelist's) is asked again now and then, not every second.
    refetchInterval: (query) =>
      query.state.status === 'error'
        ? 10_000
        : query.state.data?.status === 'decided' || query.state.data?.status === 'adjourned'
          ? false
          : 1000,
    retry: (failures, error) => !(error instanceof ApiError && error.problem.statusCode < 500) && failures < 3,
  });
  return (
    <QueryView query={plenary}>
      {(state) => (
        <Stack>
          <Group justify="space-between">
            <Title order={2}>
              {t('plenary.title', { programme: state.opening.programme.toUpperCase(), year: state.opening.year })}
            </Title>
            <Badge size="lg" variant="light" color={STATUS_COLOURS[state.status]}>
              {t(`plenary.statuses.${state.status}`, state.status)}
            </Badge>
          </Group>
          {state.opening.problems.length > 0 && (
            <Alert color="orange" role="status" title={t('plenary.problems')}>
              <List size="sm">
                {state.opening.problems.map((problem) => (
                  <List.Item key={problem}>{problem}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {state.decision && <DecisionCard cycleId={cycleId} decision={state.decision} />}
          <Attendance cycleId={cycleId} state={state} />
          <DecisionVote cycleId={cycleId} state={state} />
          <Ranking cycleId={cycleId} state={state} />
          <Overrides cycleId={cycleId} state={state} />
        </Stack>
      )}
    </QueryView>
  );
}

function useRefresh(cycleId: string) {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: ['cycle', cycleId, 'plenary'] });
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Attendance({ cycleId, state }: { cycleId: string; state: PlenaryState }) {
  const { t } = useTranslation();
  const user = useUser();
  const refresh = useRefresh(cycleId);
  const open = state.status === 'open';
  const present = new Set(state.present);
  const quorate = present.size >= state.opening.quorum;
  const attend = useMutation({
    mutationFn: (body: { present: boolean; panelistId?: string }) =>
      must(api.POST('/api/cycles/{cycleId}/plenary/attendance', { params: { path: { cycleId } }, body })),
    onSuccess: refresh,
  });
  const member = state.opening.members.some((candidate) => candidate.panelistId === user.id);
  return (
    <Section id="plenary-attendance" title={t('plenary.attendance.title')}>
      <Stack gap="sm">
        <Group gap="sm">
          <Text data-testid="plenary-quorum">
            {t('plenary.attendance.count', {
              present: present.size,
              members: state.opening.members.length,
              quorum: state.opening.quorum,
            })}
          </Text>
          <Badge color={quorate ? 'green' : 'orange'} variant="light">
            {quorate ? t('plenary.attendance.quorate') : t('plenary.attendance.notQuorate')}
          </Badge>
        </Group>
        {user.role === 'panelist' && member && open && (
          <Group gap="sm">
            {present.has(user.id) ? (
              <>
                <Text fw={600}>{t('plenary.attendance.you')}</Text>
                <Button
                  variant="default"
                  size="xs"
                  loading={attend.isPending}
                  onClick={() => attend.mutate({ present: false })}
                >
                  {t('plenary.attendance.iLeave')}
                </Button>
              </>
            ) : (
              <Button loading={attend.isPending} onClick={() => attend.mutate({ present: true })}>
                {t('plenary.attendance.iAmPresent')}
              </Button>
            )}
          </Group>
        )}
        {attend.isError && <ProblemAlert error={attend.error} />}
        <Text size="sm" fw={600}>
          {t('plenary.attendance.members')}
        </Text>
        <Group gap="xs">
          {state.opening.members.map((candidate) => (
            <Group key={candidate.panelistId} gap={4} wrap="nowrap">
              <Badge variant={present.has(candidate.panelistId) ? 'filled' : 'outline'} color="gray.8" tt="none">
                {candidate.name} ·{' '}
                {present.has(candidate.panelistId) ? t('plenary.attendance.present') : t('plenary.attendance.absent')}
              </Badge>
              {user.role === 'admin' && open && !present.has(candidate.panelistId) && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('plenary.attendance.recordOne', { name: candidate.name })}
                  onClick={() => attend.mutate({ present: true, panelistId: candidate.panelistId })}
                >
                  {t('plenary.attendance.record')}
                </Button>
              )}
            </Group>
          ))}
        </Group>
      </Stack>
    </Section>
  );
}

/** A panelist's last vote among `ballots`, if any. */
function myVote(ballots: { panelistId: string; vote: string }[], userId: string): string | undefined {
  return ballots.filter((ballot) => ballot.panelistId === userId).at(-1)?.vote;
}

function VoteButtons({
  cycleId,
  on,
  subject,
  current,
}: {
  cycleId: string;
  on: string;
  subject: string;
  current: string | undefined;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(cycleId);
  const cast = useMutation({
    mutationFn: (vote: Vote) =>
      must(api.POST('/api/cycles/{cycleId}/plenary/votes', { params: { path: { cycleId } }, body: { on, vote } })),
    onSuccess: refresh,
  });
  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('plenary.vote.on', { subject })}>
        {(['approve', 'reject', 'abstain'] as const).map((vote) => (
          <Button
            key={vote}
            size="xs"
            // The vote cast is filled in the primary colour (white on it passes AA); the others are tinted.
            variant={current === vote ? 'filled' : 'light'}
            color={current === vote ? undefined : vote === 'approve' ? 'green' : vote === 'reject' ? 'red' : 'gray'}
            aria-pressed={current === vote}
            loading={cast.isPending && cast.variables === vote}
            onClick={() => cast.mutate(vote)}
          >
            {t(`plenary.vote.${vote}`)}
          </Button>
        ))}
      </Group>
      <Text size="sm">
        {current ? t('plenary.vote.yours', { vote: t(`plenary.vote.${current}`) }) : t('plenary.vote.notYet')}
      </Text>
      {cast.isError && <ProblemAlert error={cast.error} />}
    </Stack>
  );
}

function Tally({
  votes,
  present,
  testId,
}: {
  votes: components['schemas']['PlenaryVoteCountDto'];
  present: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Text fw={600} data-testid={testId} aria-live="polite">
      {t('plenary.vote.tally', { ...votes, present })}
    </Text>
  );
}

function DecisionVote({ cycleId, state }: { cycleId: string; state: PlenaryState }) {
  const { t } = useTranslation();
  const user = useUser();
  const refresh = useRefresh(cycleId);
  const [closing, setClosing] = useState(false);
  const open = state.status === 'open';
  const present = state.present.includes(user.id);
  const close = useMutation({
    mutationFn: () => must(api.POST('/api/cycles/{cycleId}/plenary/close', { params: { path: { cycleId } } })),
    onSuccess: async () => {
      setClosing(false);
      await refresh();
    },
  });
  const ballots = state.decisionBallots.filter((ballot) => ballot.listVersion === state.listVersion);
  return (
    <Section id="plenary-vote" title={t('plenary.vote.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('plenary.vote.hint', { version: state.listVersion })}</Text>
        <Tally votes={state.decisionVotes} present={state.present.length} testId="decision-tally" />
        {user.role === 'panelist' &&
          open &&
          (present ? (
            <VoteButtons
              cycleId={cycleId}
              on="decision"
              subject={t('plenary.vote.list')}
              current={myVote(ballots, user.id)}
            />
          ) : (
            <Text size="sm" c="gray.7">
              {t('plenary.vote.presentFirst')}
            </Text>
          ))}
        {user.role === 'admin' && open && (
          <Group>
            <Button
              color="red.9"
              onClick={() => {
                close.reset();
                setClosing(true);
              }}
            >
              {t('plenary.close.button')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('plenary.close.title')} centered>
        <Stack>
          <Text size="sm">{t('plenary.close.body')}</Text>
          {close.isError && <ProblemAlert error={close.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={close.isPending} onClick={() => close.mutate()}>
              {t('plenary.close.button')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}

function Score({ value, weighted }: { value: number | null; weighted: number | null }) {
  const { t } = useTranslation();
  const { language } = useSession();
  if (value === null) return <>{t('plenary.ranking.none')}</>;
  return (
    <>
      {formatNumber(value, language, 2)}
      {weighted !== null && (
        <Text size="xs" c="gray.7">
          {t('plenary.ranking.weighted', { value: formatNumber(weighted, language, 2) })}
        </Text>
      )}
    </>
  );
}

function Ranking({ cycleId, state }: { cycleId: string; state: PlenaryState }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const user = useUser();
  const [proposing, setProposing] = useState<{ entryId: string; direction: Direction }>();
  const { weights, topN, groups } = state.opening.ranking;
  const winners = new Set(state.winners);
  const canPropose =
    state.status === 'open' && (user.role === 'admin' || (user.role === 'panelist' && state.present.includes(user.id)));
  const withField = weights.fieldVerification > 0;
  const entries = groups.flatMap((group) => group.entries);
  return (
    <Section id="plenary-ranking" title={t('plenary.ranking.title')}>
      <Stack>
        <Text size="sm">{t('plenary.ranking.weights', { ...weights, topN })}</Text>
        {groups.map((group) => {
          const heading = `${state.opening.names.clusters[group.cluster] ?? group.cluster} · ${
            state.opening.names.groups[group.group] ?? group.group
          }`;
          const headingId = `ranking-${group.cluster}-${group.group}`;
          return (
            <Stack key={headingId} gap="xs" component="section" aria-labelledby={headingId}>
              <Title order={4} size="h5" id={headingId}>
                {heading}
              </Title>
              <DataTable
                minWidth={withField ? 900 : 780}
                columns={[
                  t('plenary.ranking.rank'),
                  t('plenary.ranking.entry'),
                  t('plenary.ranking.desk'),
                  t('plenary.ranking.interview'),
                  ...(withField ? [t('plenary.ranking.fieldVerification')] : []),
                  t('plenary.ranking.final'),
                  t('plenary.ranking.status'),
                  ...(canPropose ? [''] : []),
                ]}
                rows={group.entries.map((entry: RankedEntry) => {
                  const winner = winners.has(entry.entryId);
                  return {
                    key: entry.entryId,
                    cells: [
                      entry.rank ?? t('plenary.ranking.none'),
                      <>
                        <Text size="sm" fw={600}>
                          {entry.title}
                        </Text>
                        <Text size="xs">{entry.agencyName}</Text>
                        {entry.ties.map((tie) => (
                          <Text key={tie.withEntryId} size="xs" c="gray.7">
                            {tie.reason}
                          </Text>
                        ))}
                      </>,
                      <Score value={entry.desk} weighted={entry.weighted.desk} />,
                      <Score value={entry.interview} weighted={entry.weighted.interview} />,
                      ...(withField
                        ? [<Score value={entry.fieldVerification} weighted={entry.weighted.fieldVerification} />]
                        : []),
                      <Text fw={700}>
                        {entry.final === null ? t('plenary.ranking.none') : formatNumber(entry.final, language, 2)}
                      </Text>,
                      entry.rank === null ? (
                        <Text size="xs">{entry.unrankedReason ?? t('plenary.ranking.unranked')}</Text>
                      ) : (
                        <Badge variant="light" color={winner ? 'green' : 'gray'}>
                          {winner ? t('plenary.ranking.winner') : t('plenary.ranking.finalist')}
                        </Badge>
                      ),
                      ...(canPropose
                        ? [
                            <Button
                              size="compact-xs"
                              variant="light"
                              aria-label={t(winner ? 'plenary.ranking.proposeOutOne' : 'plenary.ranking.proposeInOne', {
                                title: entry.title,
                              })}
                              onClick={() => setProposing({ entryId: entry.entryId, direction: winner ? 'out' : 'in' })}
                            >
                              {winner ? t('plenary.ranking.proposeOut') : t('plenary.ranking.proposeIn')}
                            </Button>,
                          ]
                        : []),
                    ],
                  };
                })}
              />
            </Stack>
          );
        })}
      </Stack>
      {proposing && (
        <ProposalForm cycleId={cycleId} entries={entries} initial={proposing} onClose={() => setProposing(undefined)} />
      )}
    </Section>
  );
}

const PROPOSAL_FIELDS = { entryId: 'entryId', direction: 'direction', reason: 'reason' };

function ProposalForm({
  cycleId,
  entries,
  initial,
  onClose,
}: {
  cycleId: string;
  entries: RankedEntry[];
  initial: { entryId: string; direction: Direction };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(cycleId);
  const [entryId, setEntryId] = useState(initial.entryId);
  const [direction, setDirection] = useState<Direction>(initial.direction);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const propose = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/cycles/{cycleId}/plenary/overrides', {
          params: { path: { cycleId } },
          body: { entryId, direction, reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const length = reason.trim().length;
  const tooShort = length < MIN_OVERRIDE_REASON_LENGTH;
  const problems = fieldProblems(propose.error, PROPOSAL_FIELDS);
  return (
    <Modal opened onClose={onClose} title={t('plenary.overrides.form.title')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!tooShort) propose.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('plenary.overrides.form.entry')}
            data={entries.map((entry) => ({ value: entry.entryId, label: `${entry.title} · ${entry.agencyName}` }))}
            value={entryId}
            onChange={(value) => value && setEntryId(value)}
            allowDeselect={false}
            error={problems.errorAt('entryId')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="proposal-direction">
              {t('plenary.overrides.form.direction')}
            </Text>
            <SegmentedControl
              aria-labelledby="proposal-direction"
              value={direction}
              onChange={(value) => setDirection(value as Direction)}
              data={[
                { value: 'in', label: t('plenary.overrides.direction.in') },
                { value: 'out', label: t('plenary.overrides.direction.out') },
              ]}
            />
            {problems.errorAt('direction') && (
              <Text size="sm" c="red.8">
                {problems.errorAt('direction')}
              </Text>
            )}
          </Stack>
          <Textarea
            label={t('plenary.overrides.form.reason')}
            description={t('plenary.overrides.form.reasonHint', { min: MIN_OVERRIDE_REASON_LENGTH })}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={
              (tried && tooShort
                ? t('plenary.overrides.form.reasonShort', { min: MIN_OVERRIDE_REASON_LENGTH, length })
                : undefined) ?? problems.errorAt('reason')
            }
          />
          {propose.isError && <FormRefusal error={propose.error} unplaced={problems.unplaced} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={propose.isPending}>
              {t('plenary.overrides.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Overrides({ cycleId, state }: { cycleId: string; state: PlenaryState }) {
  const { t } = useTranslation();
  const user = useUser();
  const titles = new Map(
    state.opening.ranking.groups.flatMap((group) => group.entries.map((entry) => [entry.entryId, entry.title])),
  );
  const names = new Map(state.opening.members.map((member) => [member.panelistId, member.name]));
  const canVote = state.status === 'open' && user.role === 'panelist' && state.present.includes(user.id);
  return (
    <Section id="plenary-overrides" title={t('plenary.overrides.title')}>
      {state.overrides.length === 0 ? (
        <Text c="gray.7">{t('plenary.overrides.none')}</Text>
      ) : (
        <Stack>
          {state.overrides.map((proposal: Override) => {
            const title = titles.get(proposal.entryId) ?? proposal.entryId;
            return (
              <Card key={proposal.overrideId} withBorder data-testid={proposal.overrideId}>
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text fw={700}>
                      {title} — {t(`plenary.overrides.direction.${proposal.direction}`, proposal.direction)}
                    </Text>
                    <Badge variant="light" color={STATUS_COLOURS[proposal.status] ?? 'blue'}>
                      {t(`plenary.overrides.statuses.${proposal.status}`, proposal.status)}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    <strong>{t('plenary.overrides.reason')}:</strong> {proposal.reason}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t('plenary.overrides.proposedBy', {
                      name: names.get(proposal.proposedBy) ?? t('plenary.overrides.secretariat'),
                    })}
                  </Text>
                  <Tally
                    votes={proposal.votes ?? proposal.tally}
                    present={state.present.length}
                    testId={`${proposal.overrideId}-tally`}
                  />
                  {canVote && proposal.status === 'open' && (
                    <VoteButtons
                      cycleId={cycleId}
                      on={proposal.overrideId}
                      subject={title}
                      current={myVote(proposal.ballots, user.id)}
                    />
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}

function DecisionCard({
  cycleId,
  decision,
}: {
  cycleId: string;
  decision: components['schemas']['PlenaryRecordedDecisionDto'];
}) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string>();
  const number = decision.decisionNumber;
  const slug = number.replace('/', '-');
  const exported = (format: 'json' | 'csv' | 'html') =>
    api.GET('/api/cycles/{cycleId}/decisions/{sequence}', {
      params: { path: { cycleId, sequence: decision.sequence }, query: { format } },
      parseAs: 'blob',
    });
  const download = useMutation({
    mutationFn: (format: 'json' | 'csv') => saveDownload(exported(format), `keputusan-${slug}.${format}`),
  });
  const view = useMutation({
    mutationFn: async () => ((await must(exported('html'))) as unknown as Blob).text(),
    onSuccess: setHtml,
  });
  return (
    <Alert color="green" role="status" title={t('plenary.decision.title', { number })}>
      <Stack gap="xs">
        <Text size="sm">
          {t('plenary.decision.decidedAt')}: <Instant at={decision.decidedAt} />
        </Text>
        <Text size="sm">
          {t('plenary.decision.sha256')}: <Code style={{ wordBreak: 'break-all' }}>{decision.sha256}</Code>
        </Text>
        <Group gap="xs">
          <Button size="xs" loading={view.isPending} onClick={() => view.mutate()}>
            {t('plenary.decision.view')}
          </Button>
          <Button
            size="xs"
            variant="light"
            loading={download.isPending && download.variables === 'json'}
            onClick={() => download.mutate('json')}
          >
            {t('plenary.decision.json')}
          </Button>
          <Button
            size="xs"
            variant="light"
            loading={download.isPending && download.variables === 'csv'}
            onClick={() => download.mutate('csv')}
          >
            {t('plenary.decision.csv')}
          </Button>
        </Group>
        {view.isError && <ProblemAlert error={view.error} />}
        {download.isError && <ProblemAlert error={download.error} />}
      </Stack>
      <Modal
        opened={html !== undefined}
        onClose={() => setHtml(undefined)}
        title={t('plenary.decision.viewTitle', { number })}
        size="xl"
        centered
      >
        <DocumentFrame html={html ?? ''} title={t('plenary.decision.document', { number })} />
      </Modal>
    </Alert>
  );
}

/** The printable berita acara in a frame of its own: its styles stay its own, and no script of it runs. */
function DocumentFrame({ html, title }: { html: string; title: string }) {
  const { t } = useTranslation();
  const [frame, setFrame] = useState<HTMLIFrameElement | null>(null);
  return (
    <Stack>
      <iframe
        ref={setFrame}
        title={title}
        srcDoc={html}
        sandbox="allow-same-origin allow-modals"
        style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)' }}
      />
      <Group justify="flex-end">
        <Button variant="light" onClick={() => frame?.contentWindow?.print()}>
          {t('plenary.decision.print')}
        </Button>
      </Group>
    </Stack>
  );
}
