import { conflictOf, type AssignableEntry, type AssignableEvaluator, type ConflictRules } from '../desk/assignment';
import type { LocalSpan } from '../template/stage-params';
import { instantToLocal, isZone, type Zone } from '../time-zone';
import { comparePanelKeys } from './slots';
import { byId, compareText } from '../ordering';
import { clashingPresentation, presentationClashReason, type AgencyPresentation } from './agency-presence';

export interface SchedulableEntry extends AssignableEntry {
  /** The agency's own zone: its unavailable days and its working hours are read in it. */
  zone: Zone;
  /** Local dates (`YYYY-MM-DD`, in the agency's own zone) on which the agency cannot present. */
  unavailableDays: string[];
  /**
   * The agency's interviews outside this schedule (its entries' live bookings in other cycles): a slot overlapping
   * one does not fit, as for a move (`clashingPresentation`).
   */
  presentsElsewhere?: AgencyPresentation[];
}

export interface InterviewPanel {
  key: string;
  panelists: AssignableEvaluator[];
}

export interface InterviewSlot {
  id: string;
  panelKey: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

export interface InterviewBookingPlan {
  entryId: string;
  slotId: string;
  reason: string;
}

export interface UnplacedInterview {
  entryId: string;
  reason: string;
}

export interface InterviewSchedule {
  bookings: InterviewBookingPlan[];
  unplaced: UnplacedInterview[];
}

/**
 * The hours in which an agency may be asked to present, in its own zone. The panel sits in WIB, so a late WIB slot
 * (15:40 WIB is 17:40 WIT) would keep a Papua agency's team past its office day.
 */
export const AGENCY_LOCAL_DAY: Readonly<LocalSpan> = { start: '07:00', end: '17:00' };

interface SlotView {
  slot: InterviewSlot;
  start: number;
  end: number;
  panel: number;
}

interface PanelConflict {
  panelist: AssignableEvaluator;
  reason: string;
}

/** What the allocation knows of one entry before any booking: why each panel may not hear it, and its calendar. */
interface EntryFacts {
  entry: SchedulableEntry;
  /** By panel index; empty where the panel may hear the entry. */
  conflicts: PanelConflict[][];
  unavailable: Set<string>;
  /** The agency's day in its own zone, as minutes from local midnight. */
  hours: { start: number; end: number; span: LocalSpan };
}

/** The conflict rules, and the hours of its own day an agency may be scheduled in (07:00–17:00 unless given). */
export interface InterviewRules extends ConflictRules {
  agencyHours?: LocalSpan;
}

/** Each slot's local date and start (minutes after local midnight) in one zone. */
interface LocalClock {
  date: string[];
  minute: number[];
}

/** How an entry came by its slot, for the booking's reason. */
type Placement =
  | { kind: 'earliest'; avoidedSibling?: number }
  | { kind: 'made-room'; moved: number }
  | { kind: 'moved'; forEntry: number };

const CONFLICT = 1;
const UNAVAILABLE = 2;
const OUTSIDE = 4;
const ELSEWHERE = 8;
const MAX_NAMES_IN_REASON = 5;
/** Fitting slots scanned, over the whole allocation, by searches that mark slots only along the path. */
const RETRY_BUDGET = 500_000;
const MINUTE = 60_000;

/**
 * Books each entry into at most one slot, as many entries as the rules allow. A booking never puts an entry before a
 * panelist with a conflict of interest, on a day its agency declared unavailable, or outside 07:00–17:00 in the
 * agency's zone; a slot takes one entry; two entries of one agency never overlap, as one team presents both.
 *
 * Most constrained entry first into its earliest free slot (the least busy panel among slots at the same time), then
 * augmenting paths for those left over: an unplaced entry takes a slot another entry holds when that entry can move,
 * in turn, to a slot it may take. Without the same-agency rule that is Kuhn's maximum matching; with it, every move
 * on a path is checked against the agency's other entries where the path leaves them.
 *
 * The inputs are treated as sets: the same slots, entries and panels in any order give the same schedule.
 */
export function allocateInterviews(
  slots: InterviewSlot[],
  entries: SchedulableEntry[],
  panels: InterviewPanel[],
  rules: InterviewRules,
): InterviewSchedule {
  const panelList = byPanelKey(panels);
  const views = slotViews(slots, panelList);
  const entryList = byId(entries, 'entry');
  const facts = entryList.map((entry) => entryFacts(entry, panelList, rules));
  const clocks = new Map<Zone, LocalClock>();
  const clockIn = (zone: Zone) => clocks.get(zone) ?? clocks.set(zone, localClock(views, zone)).get(zone)!;
  const fits = facts.map((fact) => {
    const clock = clockIn(fact.entry.zone);
    const fitting: number[] = [];
    views.forEach((view, s) => {
      if (misfit(fact, view, clock, s) === 0) fitting.push(s);
    });
    return fitting;
  });
  const siblings = sameAgency(entryList);
  const agencyOf = agencyIndex(entryList);
  const concurrent = overlapping(views);

  const holder = new Int32Array(views.length).fill(-1);
  const booked = new Int32Array(entryList.length).fill(-1);
  const panelLoad = new Int32Array(panelList.length);
  const placements: (Placement | undefined)[] = [];

  /** The agency's other entry whose slot overlaps slot `s`, or -1; through whichever list is shorter. */
  const overlappingSibling = (e: number, s: number): number => {
    if (siblings[e].length <= concurrent[s].length) {
      for (const other of siblings[e]) {
        const t = booked[other];
        if (t >= 0 && views[t].start < views[s].end && views[s].start < views[t].end) return other;
      }
      return -1;
    }
    for (const t of concurrent[s]) {
      const other = holder[t];
      if (other >= 0 && other !== e && agencyOf[other] === agencyOf[e]) return other;
    }
    return -1;
  };
  const take = (e: number, s: number) => {
    holder[s] = e;
    booked[e] = s;
  };

  // An entry few slots fit has no choice, and the others fit around it.
  const order = facts
    .map((_, e) => e)
    .sort((a, b) => fits[a].length - fits[b].length || compareText(entryList[a].id, entryList[b].id));
  for (const e of order) {
    let best = -1;
    let avoidedSibling = -1;
    for (const s of fits[e]) {
      if (best >= 0 && views[s].start !== views[best].start) break;
      if (holder[s] >= 0) continue;
      const sibling = overlappingSibling(e, s);
      if (sibling >= 0) {
        if (best < 0 && avoidedSibling < 0) avoidedSibling = sibling;
        continue;
      }
      // Among free slots at the same time, the panel with the fewest interviews so far.
      if (best < 0 || panelLoad[views[s].panel] < panelLoad[views[best].panel]) best = s;
    }
    if (best < 0) continue;
    take(e, best);
    panelLoad[views[best].panel]++;
    placements[e] = avoidedSibling >= 0 ? { kind: 'earliest', avoidedSibling } : { kind: 'earliest' };
  }

  // Augmenting paths. `visited` marks slots already explored from the current unplaced entry, so a search costs at
  // most every entry's fitting slots once; without the same-agency rule that finds a path whenever one exists. An
  // entry moving along a path is checked against its agency's other entries as the path so far leaves them, so the
  // finished path never breaks the rule. That check depends on the path, so a slot explored in vain on one path may
  // still serve on another: when the same-agency rule turned a move down, the search is repeated with slots marked
  // only along the current path, within a budget of work counted (not timed), so the outcome stays deterministic.
  let visited = new Uint8Array(views.length);
  let alongPathOnly = false;
  let siblingRefused = false;
  let retryBudget = RETRY_BUDGET;
  const augment = (e: number, root: number): boolean => {
    if (alongPathOnly && (retryBudget -= fits[e].length) < 0) return false;
    let avoidedSibling = -1;
    for (const s of fits[e]) {
      if (holder[s] >= 0) continue;
      const sibling = overlappingSibling(e, s);
      if (sibling < 0) {
        take(e, s);
        placements[e] = avoidedSibling >= 0 ? { kind: 'earliest', avoidedSibling } : { kind: 'earliest' };
        return true;
      }
      siblingRefused = true;
      if (avoidedSibling < 0) avoidedSibling = sibling;
    }
    for (const s of fits[e]) {
      const current = holder[s];
      if (visited[s] || current < 0) continue;
      visited[s] = 1;
      booked[current] = -1;
      take(e, s);
      if (overlappingSibling(e, s) >= 0) siblingRefused = true;
      else if (augment(current, root)) {
        placements[current] = { kind: 'moved', forEntry: root };
        if (e === root) placements[e] = { kind: 'made-room', moved: current };
        return true;
      }
      take(current, s);
      booked[e] = -1;
      if (alongPathOnly) visited[s] = 0;
    }
    return false;
  };
  const search = (e: number, pathOnly: boolean): boolean => {
    visited = new Uint8Array(views.length);
    alongPathOnly = pathOnly;
    siblingRefused = false;
    return augment(e, e);
  };
  // Until a whole round places no one: a move in one round can free a time for another agency's entry.
  for (let placed = true; placed;) {
    placed = false;
    for (const e of order) {
      if (booked[e] >= 0) continue;
      if (search(e, false) || (siblingRefused && retryBudget > 0 && search(e, true))) placed = true;
    }
  }

  const bookings: InterviewBookingPlan[] = [];
  views.forEach((view, s) => {
    const e = holder[s];
    if (e < 0) return;
    bookings.push({
      entryId: entryList[e].id,
      slotId: view.slot.id,
      reason: bookingReason(placements[e]!, facts[e], panelList, entryList),
    });
  });
  const unplaced: UnplacedInterview[] = [];
  facts.forEach((fact, e) => {
    if (booked[e] >= 0) return;
    const reason =
      fits[e].length === 0
        ? noFitReason(fact, views, panelList, clockIn(fact.entry.zone))
        : takenReason(fits[e], holder, e, overlappingSibling, entryList);
    unplaced.push({ entryId: fact.entry.id, reason });
  });
  return { bookings, unplaced };
}

/**
 * Why this slot cannot take this entry, or null when nothing stands in the way: a conflict on the slot's panel, a
 * declared unavailable day, or hours outside the agency's day. Whether the slot is free, and whether the agency
 * presents another entry at the time, depend on the other bookings and are for the caller to check.
 */
export function slotFits(
  slot: InterviewSlot,
  entry: SchedulableEntry,
  panels: InterviewPanel[],
  rules: InterviewRules,
): string | null {
  const panelList = byPanelKey(panels);
  const panel = panelList.findIndex((candidate) => candidate.key === slot.panelKey);
  if (panel < 0) return `panel ${slot.panelKey} does not exist`;
  const fact = entryFacts(entry, panelList, rules);
  const [view] = slotViews([slot], panelList);
  const clock = localClock([view], entry.zone);
  const found = misfit(fact, view, clock, 0);
  const reasons: string[] = [];
  if (found & ELSEWHERE) {
    reasons.push(presentationClashReason(clashingPresentation(slot, entry.id, entry.presentsElsewhere!)!));
  }
  // Said to the agency moving its own slot: which panelist, and what they declared, stays with the secretariat (the
  // schedule's unplaced reasons name them).
  if (found & CONFLICT) reasons.push(`a member of panel ${slot.panelKey} has a conflict of interest with this entry`);
  if (found & UNAVAILABLE) {
    reasons.push(`it falls on ${clock.date[0]}, a day ${entry.agencyCode} declared unavailable`);
  }
  if (found & OUTSIDE) {
    const [from, to] = [view.start, view.end].map((t) => instantToLocal(new Date(t), entry.zone).slice(11, 16));
    reasons.push(`it runs ${from}–${to} ${entry.zone}, outside ${localDay(fact, entry.zone)}`);
  }
  return reasons.length === 0 ? null : reasons.join('; ');
}

function entryFacts(entry: SchedulableEntry, panels: InterviewPanel[], rules: InterviewRules): EntryFacts {
  if (!isZone(entry.zone)) throw new Error(`entry ${entry.id} has an unknown zone ${String(entry.zone)}`);
  const conflicts = panels.map((panel) => {
    const found: PanelConflict[] = [];
    for (const panelist of [...panel.panelists].sort((a, b) => compareText(a.id, b.id))) {
      const reason = conflictOf(entry, panelist, rules);
      if (reason !== null) found.push({ panelist, reason });
    }
    return found;
  });
  const span = rules.agencyHours ?? AGENCY_LOCAL_DAY;
  const hours = { start: clockMinutes(span.start), end: clockMinutes(span.end), span };
  return { entry, conflicts, unavailable: new Set(entry.unavailableDays), hours };
}

/** Which rules, as bits, keep slot `s` from this entry. */
function misfit(fact: EntryFacts, view: SlotView, clock: LocalClock, s: number): number {
  let found = 0;
  if (fact.conflicts[view.panel].length > 0) found |= CONFLICT;
  if (fact.unavailable.has(clock.date[s])) found |= UNAVAILABLE;
  const start = clock.minute[s];
  // Measured from the start's local midnight, so a slot past midnight cannot pass for an early one.
  if (start < fact.hours.start || start + (view.end - view.start) / MINUTE > fact.hours.end) found |= OUTSIDE;
  if (
    fact.entry.presentsElsewhere?.length &&
    clashingPresentation(view.slot, fact.entry.id, fact.entry.presentsElsewhere)
  ) {
    found |= ELSEWHERE;
  }
  return found;
}

function localClock(views: SlotView[], zone: Zone): LocalClock {
  const date: string[] = [];
  const minute: number[] = [];
  for (const view of views) {
    const local = instantToLocal(new Date(view.start), zone);
    date.push(local.slice(0, 10));
    minute.push(+local.slice(11, 13) * 60 + +local.slice(14, 16) + +local.slice(17, 19) / 60);
  }
  return { date, minute };
}

/** Slots sorted by start, panel and id; a repeated id, an unknown panel or a slot ending before it starts throws. */
function slotViews(slots: InterviewSlot[], panels: InterviewPanel[]): SlotView[] {
  const panelIndex = new Map(panels.map((panel, i) => [panel.key, i]));
  const views = slots.map((slot): SlotView => {
    const start = Date.parse(slot.startsAt);
    const end = Date.parse(slot.endsAt);
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      throw new Error(`slot ${slot.id} must end after it starts: ${slot.startsAt}–${slot.endsAt}`);
    }
    const panel = panelIndex.get(slot.panelKey);
    if (panel === undefined) throw new Error(`slot ${slot.id} is on panel ${slot.panelKey}, which is not given`);
    return { slot, start, end, panel };
  });
  const seen = new Set<string>();
  for (const { id } of slots) {
    if (seen.has(id)) throw new Error(`slot ${id} is listed twice`);
    seen.add(id);
  }
  return views.sort((a, b) => a.start - b.start || a.panel - b.panel || compareText(a.slot.id, b.slot.id));
}

/** For each slot, the other slots whose times overlap it (on a panel sitting in parallel, mostly). */
function overlapping(views: SlotView[]): number[][] {
  const found: number[][] = views.map(() => []);
  for (let s = 0; s < views.length; s++) {
    for (let t = s + 1; t < views.length && views[t].start < views[s].end; t++) {
      found[s].push(t);
      found[t].push(s);
    }
  }
  return found;
}

function agencyIndex(entries: SchedulableEntry[]): Int32Array {
  const codes = new Map<string, number>();
  return Int32Array.from(
    entries,
    (entry) => codes.get(entry.agencyCode) ?? codes.set(entry.agencyCode, codes.size).get(entry.agencyCode)!,
  );
}

/** For each entry, the other entries of its agency. */
function sameAgency(entries: SchedulableEntry[]): number[][] {
  const byAgency = new Map<string, number[]>();
  entries.forEach((entry, e) => {
    const members = byAgency.get(entry.agencyCode);
    if (members) members.push(e);
    else byAgency.set(entry.agencyCode, [e]);
  });
  return entries.map((entry, e) => byAgency.get(entry.agencyCode)!.filter((other) => other !== e));
}

function bookingReason(
  placement: Placement,
  fact: EntryFacts,
  panels: InterviewPanel[],
  entries: SchedulableEntry[],
): string {
  const fit = `within ${localDay(fact, fact.entry.zone)} on a panel without a conflict`;
  const days = fact.unavailable.size > 0 ? `, off its unavailable days (${listed([...fact.unavailable].sort())})` : '';
  const excluded = excludedText(fact, panels);
  switch (placement.kind) {
    case 'earliest': {
      const sibling =
        placement.avoidedSibling === undefined
          ? ''
          : `, not overlapping ${entries[placement.avoidedSibling].id} of the same agency`;
      return `earliest free slot ${fit}${days}${sibling}${excluded}`;
    }
    case 'made-room': {
      const moved = entries[placement.moved].id;
      return `no free slot fitted, so ${moved} moved to another slot to make room; ${fit}${days}${excluded}`;
    }
    case 'moved': {
      const placed = entries[placement.forEntry].id;
      return `moved here so that ${placed} could have a slot too; ${fit}${days}${excluded}`;
    }
  }
}

function excludedText(fact: EntryFacts, panels: InterviewPanel[]): string {
  let budget = MAX_NAMES_IN_REASON;
  const parts: string[] = [];
  panels.forEach((panel, i) => {
    const conflicts = fact.conflicts[i];
    if (conflicts.length === 0) return;
    const shown = conflicts.slice(0, Math.max(budget, 1));
    budget -= shown.length;
    const more = conflicts.length > shown.length ? ` and ${conflicts.length - shown.length} more` : '';
    parts.push(`panel ${panel.key} excluded: ${conflictNames(shown)}${more}`);
  });
  return parts.map((part) => `; ${part}`).join('');
}

/** No slot passes the per-slot rules: how many fail each, so an admin knows which to relax. */
function noFitReason(fact: EntryFacts, views: SlotView[], panels: InterviewPanel[], clock: LocalClock): string {
  if (views.length === 0) return 'no slot fits: there are no interview slots';
  let unavailable = 0;
  let outside = 0;
  const elsewhere = new Set<string>();
  const daysHit = new Set<string>();
  views.forEach((view, s) => {
    const found = misfit(fact, view, clock, s);
    if (found & UNAVAILABLE) {
      unavailable++;
      daysHit.add(clock.date[s]);
    }
    if (found & OUTSIDE) outside++;
    if (found & ELSEWHERE)
      elsewhere.add(
        presentationClashReason(clashingPresentation(view.slot, fact.entry.id, fact.entry.presentsElsewhere!)!),
      );
  });
  const parts: string[] = [];
  const conflicted = panels.flatMap((panel, i) => (fact.conflicts[i].length > 0 ? [{ panel, i }] : []));
  if (conflicted.length > 0) {
    const names = conflicted.map(({ panel }) => panel.key);
    const details = conflicted.flatMap(({ panel, i }) =>
      fact.conflicts[i].map(({ panelist, reason }) => `${label(panelist)} on panel ${panel.key}: ${reason}`),
    );
    const more = details.length > MAX_NAMES_IN_REASON ? ` and ${details.length - MAX_NAMES_IN_REASON} more` : '';
    const which = names.length === 1 ? `panel ${names[0]} has` : `panels ${joinNames(names)} have`;
    parts.push(`${which} a conflict (${details.slice(0, MAX_NAMES_IN_REASON).join(', ')}${more})`);
  }
  const of = `of ${views.length} slot${views.length === 1 ? '' : 's'}`;
  if (unavailable > 0) {
    const days = listed([...daysHit].sort());
    parts.push(
      `${unavailable} ${of} ${unavailable === 1 ? 'falls' : 'fall'} on its declared unavailable days (${days})`,
    );
  }
  if (outside > 0) {
    parts.push(`${outside} ${of} ${outside === 1 ? 'is' : 'are'} outside ${localDay(fact, fact.entry.zone)}`);
  }
  if (elsewhere.size > 0) parts.push(`in another cycle, ${listed([...elsewhere].sort())}`);
  return `no slot fits: ${parts.join('; ')}`;
}

/** Slots fit, but every one went to another entry or overlaps the interview of another entry of the same agency. */
function takenReason(
  fits: number[],
  holder: Int32Array,
  e: number,
  overlappingSibling: (e: number, s: number) => number,
  entries: SchedulableEntry[],
): string {
  let taken = 0;
  const overlapped = new Set<number>();
  let overlapping = 0;
  for (const s of fits) {
    if (holder[s] >= 0) taken++;
    else {
      overlapping++;
      const sibling = overlappingSibling(e, s);
      if (sibling >= 0) overlapped.add(sibling);
    }
  }
  const count = fits.length;
  const subject = count === 1 ? 'the only slot it could take' : `all ${count} slots it could take`;
  const siblings = namesText([...overlapped].sort((a, b) => a - b).map((sibling) => entries[sibling].id));
  if (overlapping === 0) return `${subject} ${count === 1 ? 'is' : 'are'} taken by other entries`;
  if (taken === 0) {
    return `${subject} ${count === 1 ? 'overlaps' : 'overlap'} the interview of ${siblings}, of the same agency`;
  }
  return (
    `${subject} are taken by other entries (${taken}) or overlap the interview of ${siblings}, ` +
    `of the same agency (${overlapping})`
  );
}

function conflictNames(conflicts: PanelConflict[]): string {
  return conflicts.map(({ panelist, reason }) => `${label(panelist)} (${reason})`).join(', ');
}

function localDay(fact: EntryFacts, zone: Zone): string {
  return `${fact.hours.span.start}–${fact.hours.span.end} ${zone}`;
}

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_NAMES_IN_REASON).join(', ');
  return items.length > MAX_NAMES_IN_REASON ? `${shown} and ${items.length - MAX_NAMES_IN_REASON} more` : shown;
}

function namesText(names: string[]): string {
  if (names.length <= MAX_NAMES_IN_REASON) return joinNames(names);
  return `${names.slice(0, MAX_NAMES_IN_REASON).join(', ')} and ${names.length - MAX_NAMES_IN_REASON} more`;
}

function joinNames(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function clockMinutes(local: string): number {
  return +local.slice(0, 2) * 60 + +local.slice(3, 5);
}

const label = (panelist: AssignableEvaluator) => panelist.name || panelist.id;

function byPanelKey(panels: InterviewPanel[]): InterviewPanel[] {
  const sorted = [...panels].sort((a, b) => comparePanelKeys(a.key, b.key));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].key === sorted[i - 1].key) throw new Error(`panel ${sorted[i].key} is listed twice`);
  }
  return sorted;
}
