import { CLUSTERS } from '../../libs/domain/cluster';
import {
  aggregateDeskScores,
  assignEvaluators,
  selectNominees,
  TIE_BREAKS,
  weightedScore,
  type AssignableEntry,
  type AssignableEvaluator,
  type ScoredCriterion,
  type SelectionCandidate,
  type SelectionRules,
} from '../../libs/domain/desk';
import { seeded } from '../../libs/domain/seeded-random';

/**
 * Desk evaluation and selection in memory, no database and no servers: assigns evaluators to a cycle's entries,
 * aggregates their rubric scores with per-evaluator z-scores, and selects nominees under quotas and a 3T share.
 * The data is generated from a fixed seed, so every run times the same work.
 * Usage: npm run bench:desk
 */
const ENTRIES = 3500;
const EVALUATORS = 20;
const PER_ENTRY = 2;
const RUNS = 5;
const SEED = 20250611;

const GROUPS = ['pembina', 'keberlanjutan', 'replikasi'];
const PROVINCES = [
  'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung',
  'Kepulauan Bangka Belitung', 'Kepulauan Riau', 'DKI Jakarta', 'Jawa Barat', 'Jawa Tengah', 'DI Yogyakarta',
  'Jawa Timur', 'Banten', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Barat',
  'Kalimantan Tengah', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara', 'Sulawesi Utara',
  'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat', 'Maluku',
  'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya',
]; // prettier-ignore

// PermenPANRB 91/2021's five criteria, each scored 1–10.
const CRITERIA: ScoredCriterion[] = [
  { key: 'novelty', weight: 20, scale: { min: 1, max: 10 } },
  { key: 'effectiveness', weight: 25, scale: { min: 1, max: 10 } },
  { key: 'usefulness', weight: 25, scale: { min: 1, max: 10 } },
  { key: 'replicability', weight: 15, scale: { min: 1, max: 10 } },
  { key: 'sustainability', weight: 15, scale: { min: 1, max: 10 } },
];

const RULES: SelectionRules = {
  passingGrade: 60,
  quotaPerCluster: 40,
  quotaPerGroup: 100,
  min3TSharePercent: 20,
  tieBreaks: [...TIE_BREAKS],
};

interface BenchEntry extends AssignableEntry {
  cluster: string;
  group: string;
  region3T: boolean;
  launchDate: string;
  registeredAt: string;
  replicationCount: number;
}

function generate() {
  const random = seeded(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const agencies = Array.from({ length: 1500 }, (_, i) => ({
    code: `AG-${String(i + 1).padStart(4, '0')}`,
    cluster: pick(CLUSTERS),
    province: pick(PROVINCES),
    region3T: random() < 0.15,
  }));
  const entries: BenchEntry[] = Array.from({ length: ENTRIES }, (_, i) => {
    const agency = pick(agencies);
    const group = pick(GROUPS);
    const launched = Date.UTC(2012, 0, 1) + Math.floor(random() * 10 * 365) * 86_400_000;
    return {
      id: `entry-${String(i + 1).padStart(5, '0')}`,
      agencyCode: agency.code,
      province: agency.province,
      replicatesAgencyCode: group === 'replikasi' ? pick(agencies).code : null,
      cluster: agency.cluster,
      group,
      region3T: agency.region3T,
      launchDate: new Date(launched).toISOString().slice(0, 10),
      registeredAt: new Date(Date.UTC(2024, 4, 1) + Math.floor(random() * 40 * 86_400_000)).toISOString(),
      replicationCount: random() < 0.7 ? 0 : 1 + Math.floor(random() * 5),
    };
  });
  const evaluators: AssignableEvaluator[] = Array.from({ length: EVALUATORS }, (_, i) => ({
    id: `evaluator-${String(i + 1).padStart(2, '0')}`,
    name: `Evaluator ${i + 1}`,
    affiliations: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(agencies).code),
    province: random() < 0.9 ? pick(PROVINCES) : null,
    declaredConflictEntryIds: Array.from({ length: Math.floor(random() * 5) }, () => pick(entries).id),
  }));

  // Every evaluator's rubric for every entry, drawn up front so the timed part does not include it: the entry's
  // quality, the evaluator's leniency (up to two points either way) and some noise. 3T entries score a little
  // lower on average, which is what the minimum share is for, so the bench exercises it.
  const leniency = evaluators.map(() => random() * 4 - 2);
  const quality = entries.map((entry) => 3 + random() * 6 - (entry.region3T ? 0.5 : 0));
  const rubrics = entries.map((_, e) =>
    evaluators.map((_, v) =>
      Object.fromEntries(
        CRITERIA.map(({ key }) => [key, clamp(Math.round(quality[e] + leniency[v] + random() * 2 - 1), 1, 10)]),
      ),
    ),
  );
  return { entries, evaluators, rubrics };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function run(data: ReturnType<typeof generate>) {
  const { entries, evaluators, rubrics } = data;
  const entryIndex = new Map(entries.map((entry, i) => [entry.id, i]));
  const evaluatorIndex = new Map(evaluators.map((evaluator, i) => [evaluator.id, i]));

  const started = process.hrtime.bigint();
  const plan = assignEvaluators(entries, evaluators, PER_ENTRY, { sameProvince: true });
  const assigned = process.hrtime.bigint();

  const scores = plan.assignments.map(({ entryId, evaluatorId }) => ({
    entryId,
    evaluatorId,
    weighted: weightedScore(CRITERIA, rubrics[entryIndex.get(entryId)!][evaluatorIndex.get(evaluatorId)!]),
  }));
  const results = aggregateDeskScores(scores, 'z-score', 15);
  const aggregated = process.hrtime.bigint();

  const candidates = results.map((result): SelectionCandidate => {
    const entry = entries[entryIndex.get(result.entryId)!];
    return { ...entry, entryId: entry.id, score: result.score };
  });
  const outcomes = selectNominees(candidates, RULES);
  const selected = process.hrtime.bigint();

  const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
  return {
    times: {
      assignment: ms(started, assigned),
      aggregation: ms(assigned, aggregated),
      selection: ms(aggregated, selected),
      total: ms(started, selected),
    },
    plan,
    results,
    outcomes,
    region3T: new Set(entries.filter((entry) => entry.region3T).map((entry) => entry.id)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const data = generate();
run(data); // warm-up: the first run also compiles the hot paths
const runs = Array.from({ length: RUNS }, () => run(data));

const of = (part: keyof (typeof runs)[number]['times']) => median(runs.map((r) => r.times[part])).toFixed(1);
console.log(
  `desk assignment + ranking, ${ENTRIES} entries, ${EVALUATORS} evaluators: median ${of('total')} ms ` +
    `(assignment ${of('assignment')}, aggregation ${of('aggregation')}, selection ${of('selection')}) over ${RUNS} runs`,
);

const last = runs[RUNS - 1];
const loads = Object.values(last.plan.loads);
const nominees = last.outcomes.filter((outcome) => outcome.selected);
const from3T = nominees.filter((outcome) => last.region3T.has(outcome.entryId)).length;
const required = Math.ceil((RULES.min3TSharePercent! * nominees.length) / 100);
const viaShare = nominees.filter((outcome) => outcome.via3TShare).length;
const disagreements = last.results.filter((result) => result.disagreement).length;
const fingerprint = (r: (typeof runs)[number]) => JSON.stringify([r.plan, r.outcomes]);
const stable = runs.every((r) => fingerprint(r) === fingerprint(last));
console.log(
  `  sanity: loads ${Math.min(...loads)}–${Math.max(...loads)} (max−min ${Math.max(...loads) - Math.min(...loads)}), ` +
    `${last.plan.assignments.length} assignments, ${last.plan.unplaced.length} unplaced; ` +
    `${disagreements} entries with a spread over 15`,
);
console.log(
  `  sanity: ${nominees.length} nominees, ${from3T} from 3T (${((100 * from3T) / nominees.length).toFixed(1)}%, ` +
    `${required} required, ${viaShare} via the share); ${stable ? 'identical' : 'DIFFERENT'} plan and nominees on every run`,
);
if (!stable) process.exitCode = 1;
