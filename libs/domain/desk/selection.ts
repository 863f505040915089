export const TIE_BREAKS = ['replicated-first', 'older-launch-first', 'earlier-registration-first'] as const;

export type TieBreak = (typeof TIE_BREAKS)[number];

export interface SelectionCandidate {
  entryId: string;
  title?: string;
  cluster: string;
  group: string;
  region3T: boolean;
  score: number;
  /** `YYYY-MM-DD`. */
  launchDate: string;
  /** ISO instant. */
  registeredAt: string;
  replicationCount: number;
}

export interface SelectionRules {
  passingGrade?: number;
  quotaPerCluster?: number;
  quotaPerGroup?: number;
  min3TSharePercent?: number;
  tieBreaks: TieBreak[];
}

export interface SelectionOutcome {
  entryId: string;
  cluster: string;
  group: string;
  score: number;
  /** 1-based rank within (cluster, group) among all candidates, excluded ones included. */
  rankInCell: number;
  overallRank: number;
  selected: boolean;
  via3TShare: boolean;
  explanation: string;
}

/** A candidate with its registration instant parsed once, not on every comparison. */
interface Keyed {
  candidate: SelectionCandidate;
  registered: number;
}

type Decider = TieBreak | 'entry-id';

interface Rule {
  compare(a: Keyed, b: Keyed): number;
  /** Why `ahead` came before `behind`. */
  describe(ahead: SelectionCandidate, behind: SelectionCandidate): string;
}

const RULES: Record<Decider, Rule> = {
  'replicated-first': {
    compare: (a, b) => b.candidate.replicationCount - a.candidate.replicationCount,
    describe: (ahead, behind) => `more replications (${ahead.replicationCount} against ${behind.replicationCount})`,
  },
  'older-launch-first': {
    compare: (a, b) => compareText(a.candidate.launchDate, b.candidate.launchDate),
    describe: (ahead, behind) => `older launch date (${ahead.launchDate} against ${behind.launchDate})`,
  },
  'earlier-registration-first': {
    compare: (a, b) => a.registered - b.registered,
    describe: (ahead, behind) => `earlier registration (${ahead.registeredAt} against ${behind.registeredAt})`,
  },
  'entry-id': {
    compare: (a, b) => compareText(a.candidate.entryId, b.candidate.entryId),
    describe: () => 'entry id, the last tie-break',
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A template's tie-breaks from text such as `replicated-first, older-launch-first`; a repeated key counts once. */
export function parseTieBreaks(text: string): TieBreak[] {
  const keys = text
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  for (const key of keys) {
    if (!(TIE_BREAKS as readonly string[]).includes(key)) {
      throw new Error(`unknown tie-break "${key}"; known: ${TIE_BREAKS.join(', ')}`);
    }
  }
  return [...new Set(keys as TieBreak[])];
}

/** Best first: score, then the template's tie-breaks in order, then entry id, so no two candidates ever tie. */
export function rankCandidates(candidates: SelectionCandidate[], tieBreaks: TieBreak[]): SelectionCandidate[] {
  const seen = new Set<string>();
  const keyed = candidates.map((candidate): Keyed => {
    if (seen.has(candidate.entryId)) throw new Error(`entry ${candidate.entryId} is a candidate twice`);
    seen.add(candidate.entryId);
    if (!Number.isFinite(candidate.score)) throw new Error(`entry ${candidate.entryId}: score ${candidate.score}`);
    if (!DATE.test(candidate.launchDate)) {
      throw new Error(`entry ${candidate.entryId}: launch date ${candidate.launchDate} is not a YYYY-MM-DD date`);
    }
    const registered = Date.parse(candidate.registeredAt);
    if (Number.isNaN(registered)) {
      throw new Error(`entry ${candidate.entryId}: registration time ${candidate.registeredAt} is not an instant`);
    }
    return { candidate, registered };
  });
  const deciders: Decider[] = [...tieBreaks, 'entry-id'];
  return keyed
    .sort((a, b) => {
      if (a.candidate.score !== b.candidate.score) return b.candidate.score - a.candidate.score;
      for (const decider of deciders) {
        const order = RULES[decider].compare(a, b);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map((k) => k.candidate);
}

type Status = 'excluded' | 'below' | 'selected' | 'quota' | 'displaced';

interface Standing {
  candidate: SelectionCandidate;
  overallRank: number;
  rankInCell: number;
  status: Status;
  via3TShare: boolean;
  /** Quotas that were full when this candidate's turn came. */
  fullQuotas: ('cluster' | 'group')[];
  /** The other side of a 3T swap: whom this one displaced, or who displaced it. */
  swappedWith?: string;
}

/**
 * Nominees by rank within the passing grade, the cluster and group quotas and the minimum 3T share, each
 * candidate with an explanation an admin can pass on. An upheld objection is a re-run with the entry in
 * `excluded`; whoever is next in rank then comes in by the same rules.
 */
export function selectNominees(
  candidates: SelectionCandidate[],
  rules: SelectionRules,
  excluded: ReadonlyMap<string, string> = new Map(),
): SelectionOutcome[] {
  const ranked = rankCandidates(candidates, rules.tieBreaks);
  const cellSizes = new Map<string, number>();
  const standings: Standing[] = ranked.map((candidate, index) => {
    const rankInCell = (cellSizes.get(cellOf(candidate)) ?? 0) + 1;
    cellSizes.set(cellOf(candidate), rankInCell);
    return { candidate, overallRank: index + 1, rankInCell, status: 'selected', via3TShare: false, fullQuotas: [] };
  });

  const counts = new Counts(rules);
  for (const standing of standings) {
    const { candidate } = standing;
    if (excluded.has(candidate.entryId)) standing.status = 'excluded';
    else if (rules.passingGrade !== undefined && candidate.score < rules.passingGrade) standing.status = 'below';
    else {
      standing.fullQuotas = counts.full(candidate);
      standing.status = standing.fullQuotas.length > 0 ? 'quota' : 'selected';
      if (standing.status === 'selected') counts.add(candidate, 1);
    }
  }
  const contenders = standings.filter((s) => s.status === 'selected' || s.status === 'quota');
  const share = reach3TShare(contenders, rules, counts);
  const contenderIndex = new Map(contenders.map((standing, index) => [standing, index]));

  return standings.map((standing) => {
    const index = contenderIndex.get(standing);
    const tie =
      index === undefined ? '' : tieText(standing, contenders[index - 1], contenders[index + 1], rules.tieBreaks);
    const { candidate } = standing;
    return {
      entryId: candidate.entryId,
      cluster: candidate.cluster,
      group: candidate.group,
      score: candidate.score,
      rankInCell: standing.rankInCell,
      overallRank: standing.overallRank,
      selected: standing.status === 'selected',
      via3TShare: standing.via3TShare,
      explanation: explain(standing, cellSizes, counts, rules, excluded, share) + tie,
    };
  });
}

/** Nominees per cluster and per group, against the quotas. */
class Counts {
  private readonly clusters = new Map<string, number>();
  private readonly groups = new Map<string, number>();

  constructor(private readonly rules: SelectionRules) {}

  cluster(key: string): number {
    return this.clusters.get(key) ?? 0;
  }

  group(key: string): number {
    return this.groups.get(key) ?? 0;
  }

  full(candidate: SelectionCandidate): ('cluster' | 'group')[] {
    const full: ('cluster' | 'group')[] = [];
    if (atQuota(this.cluster(candidate.cluster), this.rules.quotaPerCluster)) full.push('cluster');
    if (atQuota(this.group(candidate.group), this.rules.quotaPerGroup)) full.push('group');
    return full;
  }

  /** Whether `incoming` may take the place of `outgoing` without breaking a quota. */
  swapKeepsQuotas(incoming: SelectionCandidate, outgoing: SelectionCandidate): boolean {
    const clusterFits =
      incoming.cluster === outgoing.cluster || !atQuota(this.cluster(incoming.cluster), this.rules.quotaPerCluster);
    const groupFits =
      incoming.group === outgoing.group || !atQuota(this.group(incoming.group), this.rules.quotaPerGroup);
    return clusterFits && groupFits;
  }

  add(candidate: SelectionCandidate, delta: 1 | -1): void {
    this.clusters.set(candidate.cluster, this.cluster(candidate.cluster) + delta);
    this.groups.set(candidate.group, this.group(candidate.group) + delta);
  }
}

interface ShareResult {
  required: number;
  reached: number;
}

/**
 * Swaps the best-ranked waiting 3T entries in for the lowest-ranked non-3T nominees until the minimum share is met
 * or no swap keeps the quotas. One in, one out: the number of nominees, and so the share required, stays put.
 */
function reach3TShare(contenders: Standing[], rules: SelectionRules, counts: Counts): ShareResult {
  const selected = contenders.filter((s) => s.status === 'selected');
  const required = Math.ceil(((rules.min3TSharePercent ?? 0) * selected.length) / 100);
  let reached = selected.filter((s) => s.candidate.region3T).length;
  const waiting = contenders.filter((s) => s.status === 'quota' && s.candidate.region3T);
  const displaceable = selected.filter((s) => !s.candidate.region3T).reverse();
  while (reached < required) {
    const swap = firstSwap(waiting, displaceable, counts);
    if (!swap) break;
    const [incoming, outgoing] = swap;
    waiting.splice(waiting.indexOf(incoming), 1);
    displaceable.splice(displaceable.indexOf(outgoing), 1);
    counts.add(outgoing.candidate, -1);
    counts.add(incoming.candidate, 1);
    Object.assign(incoming, { status: 'selected', via3TShare: true, swappedWith: outgoing.candidate.entryId });
    Object.assign(outgoing, { status: 'displaced', swappedWith: incoming.candidate.entryId });
    reached++;
  }
  return { required, reached };
}

function firstSwap(waiting: Standing[], displaceable: Standing[], counts: Counts): [Standing, Standing] | null {
  for (const incoming of waiting) {
    const outgoing = displaceable.find((s) => counts.swapKeepsQuotas(incoming.candidate, s.candidate));
    if (outgoing) return [incoming, outgoing];
  }
  return null;
}

function explain(
  standing: Standing,
  cellSizes: Map<string, number>,
  counts: Counts,
  rules: SelectionRules,
  excluded: ReadonlyMap<string, string>,
  share: ShareResult,
): string {
  const { candidate } = standing;
  const shareText = `the minimum 3T share of ${rules.min3TSharePercent}%`;
  switch (standing.status) {
    case 'excluded':
      return `Excluded: ${excluded.get(candidate.entryId)!.replace(/\.$/, '')}.`;
    case 'below':
      return `Not selected: score ${candidate.score} is below the passing grade ${rules.passingGrade}.`;
    case 'displaced':
      return `Not selected: displaced by ${standing.swappedWith} to reach ${shareText}.`;
    case 'quota': {
      const quotas = standing.fullQuotas.map((which) => quotaName(candidate, which, rules));
      const freed = standing.fullQuotas.some(
        (which) => !atQuota(countOf(counts, candidate, which), quotaOf(rules, which)),
      )
        ? ' A place freed later by a 3T swap is not refilled.'
        : '';
      const unreachable =
        candidate.region3T && share.reached < share.required
          ? ` No swap within the quotas could bring this 3T entry in; the 3T share stays at ${share.reached} of the ${share.required} required.`
          : '';
      const verb = quotas.length > 1 ? 'were' : 'was';
      return `Not selected: ${quotas.join(' and ')} ${verb} filled by higher-ranked entries.${freed}${unreachable}`;
    }
    case 'selected': {
      const cell = `${candidate.cluster}/${candidate.group}`;
      const grade = rules.passingGrade === undefined ? '' : ` (passing grade ${rules.passingGrade})`;
      const rank = `rank ${standing.rankInCell} of ${cellSizes.get(cellOf(candidate))} in ${cell} with ${candidate.score}${grade}`;
      const places = placesText(candidate, counts, rules);
      return standing.via3TShare
        ? `Selected for ${shareText} in place of ${standing.swappedWith}: ${rank}; ${places}.`
        : `Selected: ${rank}; ${places}.`;
    }
  }
}

function placesText(candidate: SelectionCandidate, counts: Counts, rules: SelectionRules): string {
  const inCluster = counts.cluster(candidate.cluster);
  const inGroup = counts.group(candidate.group);
  const cluster =
    rules.quotaPerCluster === undefined
      ? `${candidate.cluster} has ${inCluster} ${inCluster === 1 ? 'nominee' : 'nominees'}`
      : `${candidate.cluster} fills ${inCluster} of ${rules.quotaPerCluster} places`;
  const group = `${candidate.group} ${inGroup}${rules.quotaPerGroup === undefined ? '' : ` of ${rules.quotaPerGroup}`}`;
  return `${cluster}, ${group}`;
}

/** Which tie-break put this candidate after or before a neighbour on the same score, if either is one. */
function tieText(
  standing: Standing,
  previous: Standing | undefined,
  next: Standing | undefined,
  tieBreaks: TieBreak[],
): string {
  const self = standing.candidate;
  const tiedAhead = previous?.candidate.score === self.score ? previous.candidate : undefined;
  const tiedBehind = next?.candidate.score === self.score ? next.candidate : undefined;
  if (!tiedAhead && !tiedBehind) return '';
  const names = [tiedAhead, tiedBehind].filter((c) => c !== undefined).map((c) => c.entryId);
  const placed: string[] = [];
  if (tiedAhead) {
    const by = RULES[decider(tiedAhead, self, tieBreaks)].describe(tiedAhead, self);
    placed.push(tiedBehind ? `behind ${tiedAhead.entryId} by ${by}` : `behind by ${by}`);
  }
  if (tiedBehind) {
    const by = RULES[decider(self, tiedBehind, tieBreaks)].describe(self, tiedBehind);
    placed.push(tiedAhead ? `ahead of ${tiedBehind.entryId} by ${by}` : `ahead by ${by}`);
  }
  return ` Tied at ${self.score} with ${names.join(' and ')}; placed ${placed.join(', ')}.`;
}

/** The first rule that tells `ahead` and `behind` apart; they are already in rank order. */
function decider(ahead: SelectionCandidate, behind: SelectionCandidate, tieBreaks: TieBreak[]): Decider {
  const keyed = (candidate: SelectionCandidate): Keyed => ({
    candidate,
    registered: Date.parse(candidate.registeredAt),
  });
  return tieBreaks.find((rule) => RULES[rule].compare(keyed(ahead), keyed(behind)) !== 0) ?? 'entry-id';
}

function quotaName(candidate: SelectionCandidate, which: 'cluster' | 'group', rules: SelectionRules): string {
  return which === 'cluster'
    ? `the ${candidate.cluster} quota (${rules.quotaPerCluster})`
    : `the ${candidate.group} quota (${rules.quotaPerGroup})`;
}

const quotaOf = (rules: SelectionRules, which: 'cluster' | 'group') =>
  which === 'cluster' ? rules.quotaPerCluster : rules.quotaPerGroup;

const countOf = (counts: Counts, candidate: SelectionCandidate, which: 'cluster' | 'group') =>
  which === 'cluster' ? counts.cluster(candidate.cluster) : counts.group(candidate.group);

const atQuota = (count: number, quota: number | undefined) => quota !== undefined && count >= quota;

const cellOf = (candidate: SelectionCandidate) => `${candidate.cluster}\u0000${candidate.group}`;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
