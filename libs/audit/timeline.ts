import { instantToLocal, isZone, monthName, type Zone } from '../domain/time-zone';
import {
  acceptedUpdateOf,
  ActivityCompletions,
  actorOf,
  decodePayloads,
  eventIdOf,
  eventTimeIso,
  failureSummary,
  UpdateIndex,
  updateOutcomeOf,
  type AcceptedUpdate,
  type History,
  type HistoryEvent,
} from './decision-events';

export type TimelineLanguage = 'id' | 'en';

export interface TimelineOptions {
  language: TimelineLanguage;
  /** WIB, WITA or WIT, or an IANA zone (Asia/Jakarta is shown as WIB; zones outside Indonesia as Intl names them). */
  timeZone: string;
}

/** One step of a workflow's history as a person reads it. */
export interface TimelineLine {
  eventId: number;
  /** ISO 8601 UTC, millisecond precision. */
  at: string;
  /** The same instant in the requested zone, e.g. `12 Jul 2024 09.00 WIB` (Indonesian) or `12 Jul 2024 09:00 WIB`. */
  local: string;
  actor: string | null;
  text: string;
  reason: string | null;
}

/**
 * A workflow's history as lines a person can follow: its start, the stage events it was told of, every Update
 * (what it did, or why it was refused), the engine's own decisions on an interview appointment (a no-show, a slot
 * released at the cut-off) and its end. Other activities and timers are the engine's mechanics and get no line.
 */
export function timeline(history: History, options: TimelineOptions): TimelineLine[] {
  const texts = TEXTS[options.language];
  if (!texts) throw new Error(`Unknown timeline language "${String(options.language)}": use id or en.`);
  const local = localFormatter(options.language, options.timeZone);
  const context: Context = {
    t: texts,
    local: (iso) => local(new Date(iso)),
    instant: (value) =>
      typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? local(new Date(value), { seconds: true }) : '?',
    num: numberFormatter(options.language),
  };
  const updates = new UpdateIndex(history);
  const activities = new ActivityCompletions();
  const stageEvents = stageEventFates(history);
  let workflowType = '';
  const lines: TimelineLine[] = [];

  for (const event of history.events ?? []) {
    const line = (text: string, actor: string | null = null, reason: string | null = null) => {
      const at = eventTimeIso(event);
      lines.push({ eventId: eventIdOf(event), at, local: context.local(at), actor, text, reason: reason || null });
    };
    const started = event.workflowExecutionStartedEventAttributes;
    if (started) {
      workflowType = started.workflowType?.name ?? '';
      const args = decodePayloads(started.input);
      const input = record(args[0]);
      if (workflowType === 'entryWorkflow' && typeof input.joinedStage === 'string') {
        stageEvents.seen.add(`${input.joinedStage}|entered`);
      }
      line(startText(context, workflowType, input), actorOf(args));
      continue;
    }
    const signaled = event.workflowExecutionSignaledEventAttributes;
    if (signaled) {
      const args = decodePayloads(signaled.input);
      const [text, reason] = signalLine(context, signaled.signalName ?? '', record(args[0]), stageEvents);
      line(text, actorOf(args), reason);
      continue;
    }
    if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      const accepted = acceptedUpdateOf(event)!;
      // An Update shows once, where it took effect; one still running when the history ends shows where it arrived.
      if (!updates.isCompleted(accepted.updateId)) {
        line(texts.updatePending(updateLabel(texts, accepted.name)), accepted.actor, reasonOf(accepted.args[0]));
      }
      continue;
    }
    if (event.workflowExecutionUpdateCompletedEventAttributes) {
      const accepted = updates.acceptedFor(event);
      const outcome = updateOutcomeOf(event, accepted);
      const label = updateLabel(texts, accepted?.name ?? '');
      if ('failure' in outcome) {
        const { message, code } = outcome.failure;
        line(texts.updateRefused(label, message, code), accepted?.actor ?? null, message);
      } else {
        const [text, reason] = updateLine(context, accepted, outcome.result);
        line(text, accepted?.actor ?? null, reason);
      }
      continue;
    }
    const activity = activities.observe(event);
    if (event.activityTaskScheduledEventAttributes) continue;
    if (event.activityTaskCompletedEventAttributes) {
      const engineText = activity && engineDecision(context, activity.type, activity.result);
      if (engineText) line(engineText);
      continue;
    }
    const end = endLine(context, event, workflowType);
    if (end) line(end.text, null, end.reason);
  }
  return lines;
}

interface Context {
  t: Texts;
  /** The line's own time, to the minute. */
  local: (iso: string) => string;
  /** An instant inside a text (a slot, a deadline), with seconds when they are not zero; `?` when absent. */
  instant: (value: unknown) => string;
  num: (value: number) => string;
}

function startText({ t }: Context, workflowType: string, input: Record<string, unknown>): string {
  switch (workflowType) {
    case 'entryWorkflow':
      return t.entryRegistered({
        entryId: str(input.entryId),
        agencyCode: str(input.agencyCode),
        cluster: str(input.cluster),
        group: str(input.group),
        stage: str(input.joinedStage),
      });
    case 'cycleWorkflow': {
      const template = record(input.template);
      const stages = Array.isArray(template.stages) ? template.stages.length : 0;
      return t.cycleStarted(str(input.cycleId), str(template.name), str(template.year), stages);
    }
    case 'yearlyCycleWorkflow':
      return t.yearlyStarted(str(input.templateKey), str(input.templateVersion));
    case 'deliveryWorkflow':
      return t.deliveryStarted(str(input.noticeId), Array.isArray(input.deliveries) ? input.deliveries.length : 0);
    default:
      return t.workflowStarted(workflowType);
  }
}

/**
 * What became of the stage events an entry was told of. It drops an event it already holds (a retried fan-out batch
 * delivers twice), and one that arrives after it has ended (a fan-out that read the entry as active while its
 * elimination was being written) is never recorded.
 */
interface StageEventFates {
  seen: Set<string>;
  /** Stage events the entry recorded (recordEntryStageEvent scheduled), by `stageKey|kind`. */
  recorded: Set<string>;
  /** The workflow has closed, so an event not recorded by now never will be. */
  closed: boolean;
}

function stageEventFates(history: History): StageEventFates {
  const recorded = new Set<string>();
  let closed = false;
  for (const event of history.events ?? []) {
    const activity = event.activityTaskScheduledEventAttributes;
    if (activity?.activityType?.name === 'recordEntryStageEvent') {
      const stageEvent = record(record(decodePayloads(activity.input)[0]).event);
      recorded.add(`${str(stageEvent.stageKey)}|${str(stageEvent.kind)}`);
    }
    closed ||= isClose(event);
  }
  return { seen: new Set(), recorded, closed };
}

function isClose(event: HistoryEvent): boolean {
  return !!(
    event.workflowExecutionCompletedEventAttributes ||
    event.workflowExecutionFailedEventAttributes ||
    event.workflowExecutionTerminatedEventAttributes ||
    event.workflowExecutionCanceledEventAttributes ||
    event.workflowExecutionTimedOutEventAttributes ||
    event.workflowExecutionContinuedAsNewEventAttributes
  );
}

function signalLine(
  { t }: Context,
  name: string,
  arg: Record<string, unknown>,
  fates: StageEventFates,
): [text: string, reason: string | null] {
  if (name === 'stageEvent') {
    const stage = str(arg.stageKey);
    const key = `${stage}|${str(arg.kind)}`;
    const text =
      arg.kind === 'entered'
        ? t.stageEntered(stage, typeof arg.stageType === 'string' ? arg.stageType : undefined)
        : t.stageCompleted(stage, typeof arg.outcome === 'string' ? arg.outcome : undefined, arg.final === true);
    const repeated = fates.seen.has(key);
    fates.seen.add(key);
    if (repeated) return [t.repeated(text), reasonOf(arg)];
    if (fates.closed && !fates.recorded.has(key)) return [t.notRecorded(text), reasonOf(arg)];
    return [text, reasonOf(arg)];
  }
  if (name === 'deskEvaluatorsChanged') {
    const ids = Array.isArray(arg.evaluatorIds) ? arg.evaluatorIds.map(str) : [];
    return [t.evaluatorsChanged(str(arg.stageKey), ids, str(arg.version)), null];
  }
  return [t.signal(name), null];
}

function updateLine(
  { t, instant, num }: Context,
  accepted: AcceptedUpdate | undefined,
  result: unknown,
): [text: string, reason: string | null] {
  const request = record(accepted?.args[0]);
  const out = record(result);
  const reason = reasonOf(request);
  switch (accepted?.name) {
    case 'editEntry': {
      const changes = record(request.changes);
      const title = typeof changes.title === 'string' ? changes.title : undefined;
      const fields = Object.keys(changes).map((field) => t.field(field));
      return [t.entryEdited(fields, title), null];
    }
    case 'withdrawEntry':
      return [t.entryWithdrawn(), reason];
    case 'submitDeskScore':
      return [
        t.deskScore(str(out.evaluatorId ?? request.evaluatorId), str(out.version), num(Number(out.weighted))),
        null,
      ];
    case 'submitInterviewScore':
      return [
        t.interviewScore(str(out.evaluatorId ?? request.panelistId), str(out.version), num(Number(out.weighted))),
        null,
      ];
    case 'moveInterview': {
      const when = instant(out.startsAt);
      const byAdmin = request.byAdmin === true;
      const text =
        out.sequence === 0
          ? t.interviewBooked(when, str(out.panelKey), byAdmin)
          : t.interviewMoved(when, str(out.panelKey), byAdmin);
      return [text, reason];
    }
    case 'confirmInterview':
      return [t.interviewConfirmed(instant(out.startsAt), str(out.panelKey)), null];
    case 'recordInterviewAttendance':
      return [t.attendance(str(out.attendance ?? request.attendance)), null];
    case 'resolveObjection':
      return [
        t.objectionResolved(
          str(request.objectionId),
          str(request.stageKey),
          str(out.decision ?? request.decision),
          Array.isArray(out.entered) ? out.entered.map(str) : [],
          Array.isArray(out.left) ? out.left.map(str) : [],
        ),
        reason,
      ];
    case 'openStageNow':
      return [t.stageOpenedEarly(str(out.stageKey ?? request.stageKey)), reason];
    case 'closeStageNow':
      return [t.stageClosedEarly(str(out.stageKey ?? request.stageKey)), null];
    case 'extendStageDeadline': {
      const stageKey = str(out.stageKey ?? request.stageKey);
      return [t.deadlineExtended(stageKey, instant(out.previousClosesAt), instant(out.closesAt)), reason];
    }
    case 'pauseCycle':
      return [t.cyclePaused(), reason];
    case 'resumeCycle':
      return [t.cycleResumed(), null];
    case 'recordAttendance':
      return [t.plenaryAttendance(str(request.panelistId), request.present === true), null];
    case 'proposeOverride':
      return [t.overrideProposed(str(out.overrideId), str(request.entryId), str(request.direction)), reason];
    case 'castVote':
      return [t.voteCast(str(request.on), str(request.vote), out.carried === true), null];
    case 'closePlenary':
      return [t.plenaryDecided(str(out.decisionNumber)), null];
    default:
      return [t.updateCompleted(accepted?.name ?? ''), reason];
  }
}

/** The engine's own decisions on an interview appointment, which only an activity's result records. */
function engineDecision(
  { t, instant }: Context,
  activityType: string | undefined,
  result: unknown,
): string | undefined {
  const out = record(result);
  if (activityType === 'recordInterviewNoShow' && out.recorded === true) {
    const booking = record(out.booking);
    return t.noShowRecorded(instant(booking.startsAt));
  }
  if (activityType === 'settleUnconfirmedBooking' && out.released === true) return t.bookingReleased();
  return undefined;
}

function endLine(
  { t }: Context,
  event: HistoryEvent,
  workflowType: string,
): { text: string; reason: string | null } | undefined {
  const completed = event.workflowExecutionCompletedEventAttributes;
  if (completed) {
    const result = record(decodePayloads(completed.result)[0]);
    return { text: t.completed(workflowType, result), reason: null };
  }
  const failed = event.workflowExecutionFailedEventAttributes;
  if (failed) {
    const { message, code } = failureSummary(failed.failure);
    return { text: t.failed(code), reason: message };
  }
  const terminated = event.workflowExecutionTerminatedEventAttributes;
  if (terminated) return { text: t.terminated(), reason: terminated.reason || null };
  if (event.workflowExecutionCanceledEventAttributes) return { text: t.canceled(), reason: null };
  if (event.workflowExecutionTimedOutEventAttributes) return { text: t.timedOut(), reason: null };
  const continued = event.workflowExecutionContinuedAsNewEventAttributes;
  if (continued) return { text: t.continuedAsNew(continued.newExecutionRunId ?? ''), reason: null };
  return undefined;
}

function updateLabel(t: Texts, name: string): string {
  return t.updateLabels[name] ?? t.genericUpdate(name);
}

function reasonOf(arg: unknown): string | null {
  const reason = record(arg).reason;
  return typeof reason === 'string' && reason.trim().length > 0 ? reason : null;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

// ---- Dates and numbers as a person reads them ----

/** Indonesian writes the time with a full stop (09.00, as PUEBI has it), English with a colon. */
const TIME_SEPARATOR: Record<TimelineLanguage, string> = { id: '.', en: ':' };

/** Indonesia's IANA zones, shown by the names Indonesians use; their offsets are fixed (libs/domain/time-zone). */
const INDONESIAN_ZONES: Record<string, Zone> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * `12 Jul 2024 09.00 WIB` / `12 Jul 2024 09:00 WIB`; zones outside Indonesia through Intl (`… 02:00 UTC`). With
 * `seconds`, seconds are shown when they are not zero (compressed calendars move deadlines by seconds).
 */
export function localFormatter(
  language: TimelineLanguage,
  timeZone: string,
): (instant: Date, options?: { seconds?: boolean }) => string {
  const separator = TIME_SEPARATOR[language];
  const show =
    (parts: { year: string; month: string; day: string; hour: string; minute: string; second: string }) =>
    (zone: string, seconds?: boolean) => {
      const time = [parts.hour, parts.minute, ...(seconds && parts.second !== '00' ? [parts.second] : [])];
      return `${+parts.day} ${monthName(+parts.month, language, 'short')} ${parts.year} ${time.join(separator)} ${zone}`;
    };
  const zone = isZone(timeZone) ? timeZone : INDONESIAN_ZONES[timeZone];
  if (zone) {
    return (instant, options) => {
      const [date, time] = instantToLocal(instant, zone).split('T');
      const [year, month, day] = date.split('-');
      const [hour, minute, second] = time.split(':');
      return show({ year, month, day, hour, minute, second })(zone, options?.seconds);
    };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
  } catch {
    throw new Error(`Unknown time zone "${timeZone}": use WIB, WITA, WIT or an IANA zone such as Asia/Jakarta.`);
  }
  return (instant, options) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
    const { year, month, day, hour, minute, second } = parts;
    return show({ year, month, day, hour, minute, second })(parts.timeZoneName, options?.seconds);
  };
}

function numberFormatter(language: TimelineLanguage): (value: number) => string {
  const format = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 });
  return (value) => (Number.isFinite(value) ? format.format(value) : '?');
}

// ---- Texts: Indonesian first; the interface makes both languages complete ----

interface Texts {
  entryRegistered(input: {
    entryId: string;
    agencyCode: string;
    cluster: string;
    group: string;
    stage: string;
  }): string;
  cycleStarted(cycleId: string, name: string, year: string, stages: number): string;
  yearlyStarted(templateKey: string, version: string): string;
  deliveryStarted(noticeId: string, deliveries: number): string;
  workflowStarted(type: string): string;
  stageEntered(stageKey: string, stageType?: string): string;
  stageCompleted(stageKey: string, outcome: string | undefined, final: boolean): string;
  repeated(text: string): string;
  notRecorded(text: string): string;
  evaluatorsChanged(stageKey: string, evaluatorIds: string[], version: string): string;
  signal(name: string): string;
  entryEdited(fields: string[], title?: string): string;
  entryWithdrawn(): string;
  deskScore(evaluatorId: string, version: string, weighted: string): string;
  interviewScore(panelistId: string, version: string, weighted: string): string;
  interviewBooked(startsAt: string, panelKey: string, byAdmin: boolean): string;
  interviewMoved(startsAt: string, panelKey: string, byAdmin: boolean): string;
  interviewConfirmed(startsAt: string, panelKey: string): string;
  attendance(attendance: string): string;
  noShowRecorded(startsAt: string): string;
  bookingReleased(): string;
  objectionResolved(objectionId: string, stageKey: string, decision: string, entered: string[], left: string[]): string;
  stageOpenedEarly(stageKey: string): string;
  stageClosedEarly(stageKey: string): string;
  deadlineExtended(stageKey: string, from: string, to: string): string;
  cyclePaused(): string;
  cycleResumed(): string;
  plenaryAttendance(panelistId: string, present: boolean): string;
  overrideProposed(overrideId: string, entryId: string, direction: string): string;
  voteCast(on: string, vote: string, carried: boolean): string;
  plenaryDecided(decisionNumber: string): string;
  updateCompleted(name: string): string;
  updateRefused(label: string, message: string, code?: string): string;
  updatePending(label: string): string;
  updateLabels: Record<string, string>;
  genericUpdate(name: string): string;
  field(field: string): string;
  completed(workflowType: string, result: Record<string, unknown>): string;
  failed(code?: string): string;
  terminated(): string;
  canceled(): string;
  timedOut(): string;
  continuedAsNew(runId: string): string;
}

const ID_OUTCOMES: Record<string, string> = { pass: 'lolos', fail: 'tidak lolos' };
const EN_OUTCOMES: Record<string, string> = { pass: 'passed', fail: 'failed' };
const ID_STATUSES: Record<string, string> = {
  active: 'aktif',
  completed: 'selesai',
  eliminated: 'gugur',
  withdrawn: 'ditarik',
};
const ID_STAGE_TYPES: Record<string, string> = {
  submission: 'pendaftaran',
  screening: 'seleksi administrasi',
  'desk-evaluation': 'evaluasi desk',
  selection: 'penetapan finalis',
  objection: 'uji publik',
  interview: 'presentasi dan wawancara',
  'field-verification': 'verifikasi lapangan',
  plenary: 'sidang pleno',
  announcement: 'pengumuman',
};
const EN_STAGE_TYPES: Record<string, string> = {
  submission: 'submission',
  screening: 'screening',
  'desk-evaluation': 'desk evaluation',
  selection: 'selection',
  objection: 'public objection',
  interview: 'presentation and interview',
  'field-verification': 'field verification',
  plenary: 'plenary',
  announcement: 'announcement',
};
const ID_FIELDS: Record<string, string> = {
  title: 'judul',
  summary: 'ringkasan',
  launchDate: 'tanggal mulai layanan',
  evidenceLinks: 'tautan bukti',
  replicatesEntryId: 'inovasi yang direplikasi',
  continuesEntryId: 'entri inovasi ini pada siklus sebelumnya',
};
const EN_FIELDS: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  launchDate: 'launch date',
  evidenceLinks: 'evidence links',
  replicatesEntryId: 'replicated innovation',
  continuesEntryId: 'earlier entry of this innovation',
};

const list = (items: string[], none: string) => (items.length > 0 ? items.join(', ') : none);

const ID: Texts = {
  entryRegistered: ({ entryId, agencyCode, cluster, group, stage }) =>
    `Entri ${entryId} didaftarkan oleh instansi ${agencyCode} (klaster ${cluster}, kategori ${group}) pada tahap ${stage}.`,
  cycleStarted: (cycleId, name, year, stages) =>
    `Siklus ${cycleId} dimulai: ${name || 'kompetisi'}${year ? ` ${year}` : ''}, ${stages} tahap.`,
  yearlyStarted: (templateKey, version) =>
    `Peluncuran siklus tahunan dimulai dari templat ${templateKey} versi ${version}.`,
  deliveryStarted: (noticeId, deliveries) =>
    `Pengiriman pemberitahuan mulai dari pemberitahuan ${noticeId}: ${deliveries} pengiriman.`,
  workflowStarted: (type) => `Workflow ${type || '(tanpa jenis)'} dimulai.`,
  stageEntered: (stageKey, stageType) =>
    `Masuk tahap ${stageKey}${stageType ? ` (${ID_STAGE_TYPES[stageType] ?? stageType})` : ''}.`,
  stageCompleted: (stageKey, outcome, final) =>
    `Tahap ${stageKey} selesai${outcome && outcome !== 'completed' ? `, hasil: ${ID_OUTCOMES[outcome] ?? outcome}` : ''}${
      final ? ' (tahap terakhir)' : ''
    }.`,
  repeated: (text) => `${text} Pemberitahuan ini diterima ulang dan diabaikan karena sudah tercatat.`,
  notRecorded: (text) => `${text} Pemberitahuan ini tiba setelah proses entri berakhir dan tidak dicatat.`,
  evaluatorsChanged: (stageKey, ids, version) =>
    `Evaluator tahap ${stageKey} diganti (versi ${version}): ${list(ids, 'tidak ada')}.`,
  signal: (name) => `Sinyal "${name}" diterima.`,
  entryEdited: (fields, title) =>
    `Entri diubah oleh instansi: ${list(fields, 'tanpa perubahan')}${title ? `; judul menjadi "${title}"` : ''}.`,
  entryWithdrawn: () => 'Entri ditarik oleh instansi.',
  deskScore: (evaluatorId, version, weighted) =>
    `Evaluator ${evaluatorId} mengirim nilai evaluasi desk versi ${version}, nilai tertimbang ${weighted}.`,
  interviewScore: (panelistId, version, weighted) =>
    `Panelis ${panelistId} mengirim nilai wawancara versi ${version}, nilai tertimbang ${weighted}.`,
  interviewBooked: (startsAt, panelKey, byAdmin) =>
    `Jadwal wawancara dipesan ${byAdmin ? 'oleh sekretariat' : 'oleh instansi'}: ${startsAt}, panel ${panelKey}.`,
  interviewMoved: (startsAt, panelKey, byAdmin) =>
    `Jadwal wawancara dipindahkan ${byAdmin ? 'oleh sekretariat' : 'oleh instansi'} ke ${startsAt}, panel ${panelKey}.`,
  interviewConfirmed: (startsAt, panelKey) => `Instansi mengonfirmasi jadwal wawancara ${startsAt}, panel ${panelKey}.`,
  attendance: (attendance) =>
    `Kehadiran wawancara dicatat: ${
      { present: 'hadir', absent: 'tidak hadir', 'no-show': 'tidak hadir (no-show)' }[attendance] ?? attendance
    }.`,
  noShowRecorded: (startsAt) =>
    `Instansi tidak hadir pada wawancara ${startsAt}: sistem mencatat no-show (tidak hadir) setelah masa tenggang.`,
  bookingReleased: () =>
    'Jadwal wawancara dilepas oleh sistem karena tidak dikonfirmasi sebelum batas konfirmasi; slotnya terbuka untuk instansi lain.',
  objectionResolved: (objectionId, stageKey, decision, entered, left) =>
    `Sanggahan ${objectionId} pada tahap ${stageKey} ${
      decision === 'upheld' ? 'dikabulkan' : decision === 'dismissed' ? 'ditolak' : `diputuskan: ${decision}`
    }; masuk daftar nominasi: ${list(entered, 'tidak ada')}; keluar dari daftar: ${list(left, 'tidak ada')}.`,
  stageOpenedEarly: (stageKey) => `Tahap ${stageKey} dibuka lebih awal oleh admin.`,
  stageClosedEarly: (stageKey) => `Tahap ${stageKey} ditutup lebih awal oleh admin.`,
  deadlineExtended: (stageKey, from, to) => `Batas waktu tahap ${stageKey} diperpanjang dari ${from} menjadi ${to}.`,
  cyclePaused: () => 'Siklus dijeda: tidak ada tahap yang dibuka atau ditutup sampai dilanjutkan.',
  cycleResumed: () => 'Siklus dilanjutkan.',
  plenaryAttendance: (panelistId, present) =>
    `Panelis ${panelistId} ${present ? 'hadir dalam' : 'meninggalkan'} sidang pleno.`,
  overrideProposed: (overrideId, entryId, direction) =>
    `Usulan ${overrideId}: entri ${entryId} ${direction === 'in' ? 'dimasukkan ke' : 'dikeluarkan dari'} daftar pemenang.`,
  voteCast: (on, vote, carried) =>
    `Suara ${({ approve: 'setuju', reject: 'tidak setuju', abstain: 'abstain' } as Record<string, string>)[vote] ?? vote} atas ${on === 'decision' ? 'usulan pemenang' : on}${carried ? '; usulan diterima oleh mayoritas yang hadir' : ''}.`,
  plenaryDecided: (decisionNumber) => `Sidang pleno ditutup dengan keputusan nomor ${decisionNumber}.`,
  updateCompleted: (name) => `Permintaan "${name || '(tanpa nama)'}" selesai dijalankan.`,
  updateRefused: (label, message, code) => `Permintaan ${label} ditolak${code ? ` (${code})` : ''}: ${message}`,
  updatePending: (label) => `Permintaan ${label} diterima dan belum selesai.`,
  updateLabels: {
    editEntry: 'perubahan entri',
    withdrawEntry: 'penarikan entri',
    submitDeskScore: 'nilai evaluasi desk',
    submitInterviewScore: 'nilai wawancara',
    moveInterview: 'pemindahan jadwal wawancara',
    confirmInterview: 'konfirmasi jadwal wawancara',
    recordInterviewAttendance: 'pencatatan kehadiran wawancara',
    resolveObjection: 'keputusan sanggahan',
    openStageNow: 'pembukaan tahap lebih awal',
    closeStageNow: 'penutupan tahap lebih awal',
    extendStageDeadline: 'perpanjangan batas waktu tahap',
    pauseCycle: 'penjedaan siklus',
    resumeCycle: 'kelanjutan siklus',
    recordAttendance: 'pencatatan kehadiran sidang pleno',
    proposeOverride: 'usulan perubahan peringkat',
    castVote: 'pemungutan suara',
    closePlenary: 'penutupan sidang pleno',
  },
  genericUpdate: (name) => `"${name || '(tanpa nama)'}"`,
  field: (field) => ID_FIELDS[field] ?? field,
  completed: (workflowType, result) => {
    if (workflowType === 'entryWorkflow') {
      const status = str(result.status);
      return `Proses entri berakhir dengan status: ${ID_STATUSES[status] ?? (status || 'tidak diketahui')}.`;
    }
    if (workflowType === 'cycleWorkflow') return `Siklus ${str(result.cycleId)} selesai; semua tahap telah ditutup.`;
    if (workflowType === 'yearlyCycleWorkflow') return `Siklus tahunan ${str(result.cycleId)} telah diluncurkan.`;
    if (workflowType === 'deliveryWorkflow') return 'Pengiriman pemberitahuan selesai.';
    return `Workflow ${workflowType || '(tanpa jenis)'} selesai.`;
  },
  failed: (code) => `Workflow gagal${code ? ` (${code})` : ''}.`,
  terminated: () => 'Workflow dihentikan paksa (terminated).',
  canceled: () => 'Workflow dibatalkan.',
  timedOut: () => 'Workflow melewati batas waktu eksekusi (timed out).',
  continuedAsNew: (runId) => `Workflow dilanjutkan sebagai eksekusi baru ${runId}.`,
};

const EN: Texts = {
  entryRegistered: ({ entryId, agencyCode, cluster, group, stage }) =>
    `Entry ${entryId} registered by agency ${agencyCode} (cluster ${cluster}, group ${group}) in stage ${stage}.`,
  cycleStarted: (cycleId, name, year, stages) =>
    `Cycle ${cycleId} started: ${name || 'competition'}${year ? ` ${year}` : ''}, ${stages} stages.`,
  yearlyStarted: (templateKey, version) =>
    `Yearly cycle launch started from template ${templateKey} version ${version}.`,
  deliveryStarted: (noticeId, deliveries) =>
    `Notice delivery started from notice ${noticeId}: ${deliveries} deliveries.`,
  workflowStarted: (type) => `Workflow ${type || '(no type)'} started.`,
  stageEntered: (stageKey, stageType) =>
    `Entered stage ${stageKey}${stageType ? ` (${EN_STAGE_TYPES[stageType] ?? stageType})` : ''}.`,
  stageCompleted: (stageKey, outcome, final) =>
    `Completed stage ${stageKey}${outcome && outcome !== 'completed' ? `, outcome: ${EN_OUTCOMES[outcome] ?? outcome}` : ''}${
      final ? ' (last stage)' : ''
    }.`,
  repeated: (text) => `${text} This notice arrived again and was ignored, as it was already recorded.`,
  notRecorded: (text) => `${text} This notice arrived after the entry's workflow had ended and was not recorded.`,
  evaluatorsChanged: (stageKey, ids, version) =>
    `Evaluators of stage ${stageKey} changed (version ${version}): ${list(ids, 'none')}.`,
  signal: (name) => `Signal "${name}" received.`,
  entryEdited: (fields, title) =>
    `Entry edited by the agency: ${list(fields, 'no changes')}${title ? `; title now "${title}"` : ''}.`,
  entryWithdrawn: () => 'Entry withdrawn by the agency.',
  deskScore: (evaluatorId, version, weighted) =>
    `Evaluator ${evaluatorId} submitted desk score version ${version}, weighted score ${weighted}.`,
  interviewScore: (panelistId, version, weighted) =>
    `Panelist ${panelistId} submitted interview score version ${version}, weighted score ${weighted}.`,
  interviewBooked: (startsAt, panelKey, byAdmin) =>
    `Interview booked ${byAdmin ? 'by the secretariat' : 'by the agency'}: ${startsAt}, panel ${panelKey}.`,
  interviewMoved: (startsAt, panelKey, byAdmin) =>
    `Interview moved ${byAdmin ? 'by the secretariat' : 'by the agency'} to ${startsAt}, panel ${panelKey}.`,
  interviewConfirmed: (startsAt, panelKey) => `The agency confirmed its interview at ${startsAt}, panel ${panelKey}.`,
  attendance: (attendance) => `Interview attendance recorded: ${attendance || 'unknown'}.`,
  noShowRecorded: (startsAt) =>
    `The agency did not attend its interview at ${startsAt}: the engine recorded a no-show after the grace period.`,
  bookingReleased: () =>
    'The engine released the interview slot: it was not confirmed by the cut-off, and is free for other agencies.',
  objectionResolved: (objectionId, stageKey, decision, entered, left) =>
    `Objection ${objectionId} in stage ${stageKey} ${
      decision === 'upheld' ? 'upheld' : decision === 'dismissed' ? 'dismissed' : `decided: ${decision}`
    }; joined the nominee list: ${list(entered, 'none')}; left the list: ${list(left, 'none')}.`,
  stageOpenedEarly: (stageKey) => `Stage ${stageKey} opened early by an admin.`,
  stageClosedEarly: (stageKey) => `Stage ${stageKey} closed early by an admin.`,
  deadlineExtended: (stageKey, from, to) => `Deadline of stage ${stageKey} extended from ${from} to ${to}.`,
  cyclePaused: () => 'Cycle paused: no stage opens or closes until it resumes.',
  cycleResumed: () => 'Cycle resumed.',
  plenaryAttendance: (panelistId, present) => `Panelist ${panelistId} ${present ? 'joined' : 'left'} the plenary.`,
  overrideProposed: (overrideId, entryId, direction) =>
    `Proposal ${overrideId}: move entry ${entryId} ${direction === 'in' ? 'into' : 'out of'} the winners.`,
  voteCast: (on, vote, carried) =>
    `Vote ${vote} on ${on === 'decision' ? 'the proposed winners' : on}${carried ? '; carried by a majority of those present' : ''}.`,
  plenaryDecided: (decisionNumber) => `The plenary closed with decision ${decisionNumber}.`,
  updateCompleted: (name) => `Request "${name || '(no name)'}" carried out.`,
  updateRefused: (label, message, code) => `Request for ${label} refused${code ? ` (${code})` : ''}: ${message}`,
  updatePending: (label) => `Request for ${label} accepted, not finished yet.`,
  updateLabels: {
    editEntry: 'an entry edit',
    withdrawEntry: 'a withdrawal',
    submitDeskScore: 'a desk score',
    submitInterviewScore: 'an interview score',
    moveInterview: 'an interview move',
    confirmInterview: 'an interview confirmation',
    recordInterviewAttendance: 'an attendance record',
    resolveObjection: 'an objection decision',
    openStageNow: 'an early stage opening',
    closeStageNow: 'an early stage close',
    extendStageDeadline: 'a deadline extension',
    pauseCycle: 'a cycle pause',
    resumeCycle: 'a cycle resume',
    recordAttendance: 'a plenary attendance',
    proposeOverride: 'an override proposal',
    castVote: 'a vote',
    closePlenary: 'the plenary’s close',
  },
  genericUpdate: (name) => `"${name || '(no name)'}"`,
  field: (field) => EN_FIELDS[field] ?? field,
  completed: (workflowType, result) => {
    if (workflowType === 'entryWorkflow')
      return `The entry's workflow ended with status: ${str(result.status) || 'unknown'}.`;
    if (workflowType === 'cycleWorkflow') return `Cycle ${str(result.cycleId)} completed; every stage has closed.`;
    if (workflowType === 'yearlyCycleWorkflow') return `Yearly cycle ${str(result.cycleId)} launched.`;
    if (workflowType === 'deliveryWorkflow') return 'Notice delivery finished.';
    return `Workflow ${workflowType || '(no type)'} completed.`;
  },
  failed: (code) => `Workflow failed${code ? ` (${code})` : ''}.`,
  terminated: () => 'Workflow terminated.',
  canceled: () => 'Workflow canceled.',
  timedOut: () => 'Workflow timed out.',
  continuedAsNew: (runId) => `Workflow continued as new execution ${runId}.`,
};

const TEXTS: Record<TimelineLanguage, Texts> = { id: ID, en: EN };
