import { CLUSTERS, isCluster } from '../cluster';
import { DomainError, ErrorCode, type FieldIssue } from '../error-codes';
import { isStageType, STAGE_TYPES, type StageType } from '../stage-type';
import { formatInZone, isZone, localToInstant, ZONES, type Zone } from '../time-zone';
import { TIE_BREAKS } from '../desk/selection';
import { checkWeights } from '../plenary/final-score';
import type { CompetitionTemplate, StageParams } from './competition-template';
import {
  dayList,
  hoursList,
  isLocalTime,
  isShowScoresToAgencyValue,
  MISSING_SCORE_POLICIES,
  NO_SHOW_POLICIES,
  plenaryParams,
  PLENARY_WEIGHT_PARAMS,
  spanList,
  UNCONFIRMED_POLICIES,
} from './stage-params';

type Json = Record<string, unknown>;
type ParamRule = (value: unknown) => string | undefined;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const integerAtLeast =
  (min: number): ParamRule =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min ? undefined : `must be an integer of at least ${min}`;
const numberBetween =
  (min: number, max: number): ParamRule =>
  (value) =>
    typeof value === 'number' && value >= min && value <= max ? undefined : `must be a number from ${min} to ${max}`;
const yesOrNo: ParamRule = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');
const scoresShownToAgency: ParamRule = (value) =>
  isShowScoresToAgencyValue(value)
    ? undefined
    : `must be true or false (whether agencies see their mean scores of this stage once it has closed), not ${shown(value)}`;
const blindReview: ParamRule = (value) =>
  typeof value === 'boolean'
    ? undefined
    : `must be true or false (whether evaluators read entries without their agency's name, code and region), not ${shown(value)}`;
const earlierFinalistTimes: ParamRule = (value) =>
  Number.isInteger(value) && (value as number) >= 0
    ? undefined
    : `must be a whole number (0 or more, such as 1) of earlier years on the final list that still admits an innovation, not ${shown(value)}; leave it out for no limit`;
const hoursBefore: ParamRule = (value) =>
  typeof value === 'string' && hoursList(value)
    ? undefined
    : 'must list hours before the deadline, separated by commas, such as "72,24"';
const tieBreakList: ParamRule = (value) => {
  if (typeof value !== 'string') return `must name tie-breaks separated by commas, from ${TIE_BREAKS.join(', ')}`;
  const unknown = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !(TIE_BREAKS as readonly string[]).includes(part));
  return unknown.length ? `"${unknown[0]}" is not a tie-break; use ${TIE_BREAKS.join(', ')}` : undefined;
};
const localTime: ParamRule = (value) =>
  typeof value === 'string' && isLocalTime(value) ? undefined : 'must be a local time such as "09:00"';
const breakList: ParamRule = (value) =>
  typeof value === 'string' && spanList(value)
    ? undefined
    : 'must list local breaks separated by commas, such as "12:00-13:00"';
const dateList: ParamRule = (value) =>
  typeof value === 'string' && dayList(value)
    ? undefined
    : 'must list local dates separated by commas, such as "2024-08-17"';
const slug: ParamRule = (value) =>
  typeof value === 'string' && SLUG.test(value) ? undefined : 'must be the key of a rubric of this template';
const oneOf =
  (...options: string[]): ParamRule =>
  (value) =>
    options.includes(value as string) ? undefined : `must be one of ${options.join(', ')}`;

/** The parameters each stage type understands; anything else in `params` is refused. */
const STAGE_PARAMS: Record<StageType, Record<string, ParamRule>> = {
  submission: {
    minInnovationAgeYears: integerAtLeast(0),
    minEvidenceLinks: integerAtLeast(0),
    maxEvidenceLinks: integerAtLeast(1),
    maxSummaryLength: integerAtLeast(100),
    draftReminderHoursBefore: hoursBefore,
    refuseEarlierTopTierWinners: yesOrNo,
    maxEarlierFinalistTimes: earlierFinalistTimes,
  },
  screening: {
    defaultOutcome: oneOf('pass', 'fail'),
    minEvidenceLinks: integerAtLeast(0),
    minSummaryWords: integerAtLeast(0),
  },
  'desk-evaluation': {
    evaluatorsPerEntry: integerAtLeast(1),
    conflictSameProvince: yesOrNo,
    remindHoursBefore: hoursBefore,
    missingScores: oneOf(...MISSING_SCORE_POLICIES),
    missingScoreGraceHours: numberBetween(0.001, 24 * 30),
    normalisation: oneOf('z-score', 'none'),
    disagreementThreshold: numberBetween(0, 100),
    commentRequired: yesOrNo,
    showScoresToAgency: scoresShownToAgency,
    blindReview,
  },
  selection: {
    passingGrade: numberBetween(0, 100),
    quotaPerCluster: integerAtLeast(1),
    quotaPerGroup: integerAtLeast(1),
    min3TSharePercent: numberBetween(0, 100),
    tieBreaks: tieBreakList,
  },
  objection: {},
  interview: {
    slotMinutes: integerAtLeast(5),
    slotSeconds: integerAtLeast(10),
    dayStart: localTime,
    dayEnd: localTime,
    breaks: breakList,
    noticeDays: integerAtLeast(0),
    panels: integerAtLeast(1),
    workingDaysOnly: yesOrNo,
    skipDays: dateList,
    conflictSameProvince: yesOrNo,
    agencyHours: (value) =>
      typeof value === 'string' && spanList(value)?.length === 1
        ? undefined
        : 'must be one local span such as "07:00-17:00"',
    confirmHoursBefore: numberBetween(0, 24 * 14),
    confirmReminderHoursBefore: numberBetween(0, 24 * 14),
    unconfirmed: oneOf(...UNCONFIRMED_POLICIES),
    remindHoursBefore: hoursBefore,
    noShowGraceMinutes: numberBetween(0, 120),
    noShow: oneOf(...NO_SHOW_POLICIES),
    rubric: slug,
    showScoresToAgency: scoresShownToAgency,
  },
  'field-verification': {},
  plenary: {
    quorum: integerAtLeast(1),
    topN: integerAtLeast(1),
    deskWeight: numberBetween(0, 100),
    interviewWeight: numberBetween(0, 100),
    fieldVerificationWeight: numberBetween(0, 100),
  },
  announcement: {},
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** A value as a message quotes it. Not `String(value)`: a JSON object with its own `toString` key makes that throw. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Every problem of a template, each with the path of the field a person must fix. Never throws. */
export function validateTemplate(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(input)) return [{ path: '(template)', message: 'must be an object' }];

  if (typeof input.key !== 'string' || !SLUG.test(input.key)) add('key', 'must be a lowercase slug such as pkri-2024');
  if (typeof input.programme !== 'string' || !SLUG.test(input.programme))
    add('programme', 'must be a lowercase slug such as pkri');
  if (!Number.isInteger(input.year) || (input.year as number) < 2000 || (input.year as number) > 2100) {
    add('year', 'must be a whole year from 2000 to 2100');
  }
  if (!isText(input.name)) add('name', 'must be a non-empty text');

  checkClusters(input.clusters, add);
  const rubricKeys = checkRubrics(input.rubrics, add);
  checkGroups(input.groups, rubricKeys, add);
  checkStages(input.stages, add);
  checkInterviewStages(input.stages, rubricKeys, add);
  checkPlenaryStages(input.stages, add);
  return issues;
}

/** The template, typed, or a TEMPLATE.INVALID error whose message names the fields and whose details list all. */
export function assertValidTemplate(input: unknown): CompetitionTemplate {
  const issues = validateTemplate(input);
  if (issues.length > 0) {
    const shown = issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    throw new DomainError(ErrorCode.TemplateInvalid, `Template is invalid: ${shown.join('; ')}${more}`, issues);
  }
  return input as unknown as CompetitionTemplate;
}

type Add = (path: string, message: string) => void;

/** Repeated string keys; missing or malformed keys are reported on their own field, not as duplicates. */
function duplicates(keys: unknown[]): Set<string> {
  const strings = keys.filter((key): key is string => typeof key === 'string');
  return new Set(strings.filter((key, index) => strings.indexOf(key) !== index));
}

function checkClusters(clusters: unknown, add: Add): void {
  if (!Array.isArray(clusters) || clusters.length === 0)
    return add('clusters', `must list at least one of ${CLUSTERS.join(', ')}`);
  clusters.forEach((cluster, index) => {
    if (!isCluster(cluster))
      add(`clusters[${index}]`, `${shown(cluster)} is not a cluster; use ${CLUSTERS.join(', ')}`);
  });
  for (const cluster of duplicates(clusters)) add('clusters', `"${cluster}" is listed twice`);
}

function checkRubrics(rubrics: unknown, add: Add): Set<string> {
  if (!Array.isArray(rubrics) || rubrics.length === 0) {
    add('rubrics', 'must list at least one rubric');
    return new Set();
  }
  rubrics.forEach((rubric, index) => {
    const path = `rubrics[${index}]`;
    if (!isObject(rubric)) return add(path, 'must be an object');
    if (typeof rubric.key !== 'string' || !SLUG.test(rubric.key)) add(`${path}.key`, 'must be a lowercase slug');
    if (!isText(rubric.name)) add(`${path}.name`, 'must be a non-empty text');
    if (!Array.isArray(rubric.criteria) || rubric.criteria.length === 0) {
      return add(`${path}.criteria`, 'must list at least one criterion');
    }
    let sum = 0;
    rubric.criteria.forEach((criterion, criterionIndex) => {
      const criterionPath = `${path}.criteria[${criterionIndex}]`;
      if (!isObject(criterion)) return add(criterionPath, 'must be an object');
      if (typeof criterion.key !== 'string' || !SLUG.test(criterion.key))
        add(`${criterionPath}.key`, 'must be a lowercase slug');
      if (!isText(criterion.name)) add(`${criterionPath}.name`, 'must be a non-empty text');
      if (typeof criterion.weight !== 'number' || !Number.isFinite(criterion.weight) || criterion.weight < 0) {
        add(`${criterionPath}.weight`, 'must be a number of at least 0 (percent)');
      } else {
        sum += criterion.weight;
      }
      const scale = criterion.scale;
      if (
        !isObject(scale) ||
        typeof scale.min !== 'number' ||
        typeof scale.max !== 'number' ||
        scale.min >= scale.max
      ) {
        add(`${criterionPath}.scale`, 'must be { min, max } with min below max');
      }
    });
    // Compared with a tolerance: weights like 33.3 + 33.3 + 33.4 must pass despite floating point.
    if (Math.abs(sum - 100) > 1e-9) add(`${path}.criteria`, `weights sum to ${+sum.toFixed(6)}, must sum to 100`);
    for (const key of duplicates(
      rubric.criteria.map((criterion) => (isObject(criterion) ? criterion.key : undefined)),
    )) {
      add(`${path}.criteria`, `criterion key "${key}" is used twice`);
    }
  });
  const keys = rubrics.map((rubric) => (isObject(rubric) ? rubric.key : undefined));
  for (const key of duplicates(keys)) add('rubrics', `rubric key "${key}" is used twice`);
  return new Set(keys.filter((key): key is string => typeof key === 'string'));
}

function checkGroups(groups: unknown, rubricKeys: Set<string>, add: Add): void {
  if (!Array.isArray(groups) || groups.length === 0) return add('groups', 'must list at least one group');
  groups.forEach((group, index) => {
    const path = `groups[${index}]`;
    if (!isObject(group)) return add(path, 'must be an object');
    if (typeof group.key !== 'string' || !SLUG.test(group.key)) add(`${path}.key`, 'must be a lowercase slug');
    if (!isText(group.name)) add(`${path}.name`, 'must be a non-empty text');
    if (typeof group.rubric !== 'string' || !rubricKeys.has(group.rubric)) {
      const known = rubricKeys.size > 0 ? `; use ${[...rubricKeys].join(', ')}` : '';
      add(`${path}.rubric`, `${shown(group.rubric)} is not a rubric of this template${known}`);
    }
    if (group.replication !== undefined && typeof group.replication !== 'boolean')
      add(`${path}.replication`, 'must be true or false');
  });
  for (const key of duplicates(groups.map((group) => (isObject(group) ? group.key : undefined)))) {
    add('groups', `group key "${key}" is used twice`);
  }
}

function checkStages(stages: unknown, add: Add): void {
  if (!Array.isArray(stages) || stages.length === 0) return add('stages', 'must list at least one stage');
  let previous: { path: string; closes: Date; zone: Zone } | undefined;
  stages.forEach((stage, index) => {
    const path = `stages[${index}]`;
    if (!isObject(stage)) return add(path, 'must be an object');
    if (typeof stage.key !== 'string' || !SLUG.test(stage.key)) add(`${path}.key`, 'must be a lowercase slug');
    if (!isText(stage.name)) add(`${path}.name`, 'must be a non-empty text');
    if (!isStageType(stage.type)) {
      add(`${path}.type`, `${shown(stage.type)} is not a stage type; use ${STAGE_TYPES.join(', ')}`);
    } else {
      checkParams(stage.type, stage.params, `${path}.params`, add);
    }
    if (index === 0 && stage.type !== 'submission') add(`${path}.type`, 'the first stage must be the submission stage');
    if (index > 0 && stage.type === 'submission')
      add(`${path}.type`, 'a template has one submission stage, and it comes first');
    const earlier = stages.slice(0, index).filter(isObject);
    if (stage.type === 'plenary' && earlier.some((other) => other.type === 'plenary'))
      add(`${path}.type`, 'a template has one plenary stage: its decision is the cycle’s');
    if (stage.type === 'announcement' && earlier.some((other) => other.type === 'announcement'))
      add(`${path}.type`, 'a template has one announcement stage');
    if (
      stage.type === 'announcement' &&
      stages.slice(index + 1).some((later) => isObject(later) && later.type === 'plenary')
    )
      add(`${path}.type`, 'the announcement comes after the plenary whose decision it announces');

    // Compared as instants, so a WIT stage after a WIB one is judged by the same clock.
    const window = checkWindow(stage.window, `${path}.window`, add);
    if (window && previous && window.opens < previous.closes) {
      add(
        `${path}.window.opens`,
        `opens before ${previous.path} closes (opens ${formatInZone(window.opens, window.zone)}, ` +
          `${previous.path} closes ${formatInZone(previous.closes, previous.zone)}); stages run in order without overlap`,
      );
    }
    if (window) previous = { path, closes: window.closes, zone: window.zone };
  });
  for (const key of duplicates(stages.map((stage) => (isObject(stage) ? stage.key : undefined)))) {
    add('stages', `stage key "${key}" is used twice`);
  }
}

/** What the per-parameter rules cannot see: a rubric named by key, a working day that ends after it starts. */
function checkInterviewStages(stages: unknown, rubricKeys: Set<string>, add: Add): void {
  if (!Array.isArray(stages)) return;
  stages.forEach((stage, index) => {
    if (!isObject(stage) || stage.type !== 'interview' || !isObject(stage.params)) return;
    const { rubric, dayStart, dayEnd, slotMinutes, slotSeconds } = stage.params;
    const path = `stages[${index}].params`;
    if (slotMinutes !== undefined && slotSeconds !== undefined) {
      add(`${path}.slotSeconds`, 'give the slot length once: slotMinutes or slotSeconds, not both');
    }
    if (typeof rubric === 'string' && SLUG.test(rubric) && !rubricKeys.has(rubric)) {
      add(`${path}.rubric`, `"${rubric}" is not a rubric of this template; use ${[...rubricKeys].join(', ')}`);
    }
    const start = typeof dayStart === 'string' ? dayStart : '09:00';
    const end = typeof dayEnd === 'string' ? dayEnd : '14:20';
    if (isLocalTime(start) && isLocalTime(end) && start >= end) {
      add(`${path}.dayEnd`, `the panels' day must end after it starts (${start})`);
    }
  });
}

/** A plenary's weights add up to 100 and weigh only scores the cycle produces. */
function checkPlenaryStages(stages: unknown, add: Add): void {
  if (!Array.isArray(stages)) return;
  const types = stages.filter(isObject).map((stage) => stage.type as StageType);
  stages.forEach((stage, index) => {
    if (!isObject(stage) || stage.type !== 'plenary' || (stage.params !== undefined && !isObject(stage.params))) return;
    const params = (stage.params ?? {}) as StageParams;
    const path = `stages[${index}].params`;
    const weights = Object.values(PLENARY_WEIGHT_PARAMS).map((name) => params[name]);
    if (weights.some((weight) => weight !== undefined && typeof weight !== 'number')) return;
    const { weights: resolved } = plenaryParams(params, types);
    for (const problem of checkWeights(resolved, { hasFieldVerification: types.includes('field-verification') })) {
      add(path, problem);
    }
    if (resolved.interview > 0 && !types.includes('interview')) {
      add(`${path}.interviewWeight`, 'the cycle has no interview stage, so its weight must be 0');
    }
  });
}

function checkParams(type: StageType, params: unknown, path: string, add: Add): void {
  if (params === undefined) return;
  if (!isObject(params)) return add(path, 'must be an object');
  const rules = STAGE_PARAMS[type];
  for (const [name, value] of Object.entries(params)) {
    // Own keys only: a JSON body may carry "__proto__" or "toString" as a parameter name.
    if (!Object.hasOwn(rules, name)) {
      const known = Object.keys(rules);
      add(
        `${path}.${name}`,
        `"${name}" is not a parameter of ${type} stages${known.length ? `; use ${known.join(', ')}` : ' (they take none)'}`,
      );
      continue;
    }
    const problem = rules[name](value);
    if (problem) add(`${path}.${name}`, problem);
  }
}

function checkWindow(window: unknown, path: string, add: Add): { opens: Date; closes: Date; zone: Zone } | undefined {
  if (!isObject(window)) {
    add(path, 'must be { opens, closes, zone } with local times such as 2024-06-11T23:59');
    return undefined;
  }
  if (!isZone(window.zone)) {
    add(`${path}.zone`, `${shown(window.zone)} is not a zone; use ${ZONES.join(', ')}`);
    return undefined;
  }
  const opens = typeof window.opens === 'string' ? localToInstant(window.opens, window.zone) : undefined;
  const closes = typeof window.closes === 'string' ? localToInstant(window.closes, window.zone) : undefined;
  if (!opens) add(`${path}.opens`, `${shown(window.opens)} is not a local time like 2024-04-29T08:00`);
  if (!closes) add(`${path}.closes`, `${shown(window.closes)} is not a local time like 2024-06-11T23:59`);
  if (!opens || !closes) return undefined;
  if (opens >= closes) {
    add(
      `${path}.closes`,
      `closes at ${window.closes as string}, which is not after it opens (${window.opens as string})`,
    );
    return undefined;
  }
  return { opens, closes, zone: window.zone };
}
