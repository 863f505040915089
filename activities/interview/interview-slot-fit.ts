import {
  clashingPresentation,
  earliestStartBeforeCutOff,
  formatInZone,
  presentationClashReason,
  slotFits,
  type Zone,
} from '../../libs/domain';
import type { EntryEntity } from '../../libs/persistence';
import {
  agencyPresentations,
  freeSlots,
  interviewStage,
  schedulableEntries,
  schedulePanels,
  type FreeSlot,
} from '../../libs/persistence/interview';
import type { Db } from '../../libs/persistence/shared';

const WHOLE_DAY = { start: '00:00', end: '23:59' };
const ALTERNATIVES_SHOWN = 10;

/** The entry asking for a slot, the stage, and the zone its agency reads times in. */
export interface Candidate {
  entry: EntryEntity;
  stageKey: string;
  zone: Zone;
}

/** A slot offered instead, in the agency's own zone. */
export interface SlotAlternative {
  slotId: string;
  panelKey: string;
  startsAt: string;
  startsAtLocal: string;
}

/**
 * Why the entry may not take a slot, read once for any number of slots. The agency is held to every rule of the
 * schedule (no conflicted panel, none of its declared days, its own working hours, not while it presents another
 * entry, in this cycle or another); the secretariat may book outside the agency's days and hours, never before a
 * panel with a conflict or at the same time as another of the agency's interviews.
 */
export async function slotFitFor(
  db: Db,
  { entry, stageKey }: Candidate,
  byAdmin: boolean,
): Promise<(slot: FreeSlot) => string | null> {
  const { params } = await interviewStage(db, entry.cycleId, stageKey);
  const [schedulable] = await schedulableEntries(db, entry.cycleId, [entry.id]);
  const panels = await schedulePanels(db, entry.cycleId, stageKey);
  const presentations = (await agencyPresentations(db, [entry.agencyCode])).get(entry.agencyCode) ?? [];
  const rules = { sameProvince: params.conflictSameProvince, agencyHours: params.agencyHours };
  return (slot) => {
    const clash = clashingPresentation(slot, entry.id, presentations);
    if (clash) return presentationClashReason(clash);
    return slotFits(
      {
        id: slot.slotId,
        ...slot,
        startsAt: new Date(slot.startsAt).toISOString(),
        endsAt: new Date(slot.endsAt).toISOString(),
      },
      byAdmin ? { ...schedulable, unavailableDays: [] } : schedulable,
      panels,
      byAdmin ? { ...rules, agencyHours: WHOLE_DAY } : rules,
    );
  };
}

/** Free slots the entry could take instead, earliest first (the agency's only after their cut-off). */
export async function alternatives(
  db: Db,
  candidate: Candidate,
  byAdmin: boolean,
  now: Date,
): Promise<SlotAlternative[]> {
  const { entry, stageKey, zone } = candidate;
  const { params } = await interviewStage(db, entry.cycleId, stageKey);
  const after = byAdmin ? now : earliestStartBeforeCutOff(now, params);
  const unfit = await slotFitFor(db, candidate, byAdmin);
  const offered: SlotAlternative[] = [];
  for (const slot of await freeSlots(db, entry.cycleId, stageKey, after)) {
    if (offered.length === ALTERNATIVES_SHOWN) break;
    if (unfit(slot)) continue;
    offered.push({
      slotId: slot.slotId,
      panelKey: slot.panelKey,
      startsAt: new Date(slot.startsAt).toISOString(),
      startsAtLocal: formatInZone(new Date(slot.startsAt), zone),
    });
  }
  return offered;
}
