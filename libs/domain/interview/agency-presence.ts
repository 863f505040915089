/**
 * One interview an agency already presents (a live booking of one of its entries, in any cycle). One agency sends
 * one team, so it cannot present twice at the same time, whichever cycles the two entries belong to.
 */
export interface AgencyPresentation {
  entryId: string;
  title: string;
  /** ISO instants, or dates as the database returns them. */
  startsAt: string | Date;
  endsAt: string | Date;
}

/** The presentation that overlaps the slot (other than the entry's own), if any. */
export function clashingPresentation(
  slot: { startsAt: string | Date; endsAt: string | Date },
  entryId: string,
  presentations: readonly AgencyPresentation[],
): AgencyPresentation | undefined {
  const start = new Date(slot.startsAt).getTime();
  const end = new Date(slot.endsAt).getTime();
  return presentations.find(
    (other) =>
      other.entryId !== entryId && new Date(other.startsAt).getTime() < end && start < new Date(other.endsAt).getTime(),
  );
}

/** Why a slot is refused for a clash: the same words for the allocation and for a move. */
export function presentationClashReason(other: AgencyPresentation): string {
  return `the agency presents "${other.title}" at the same time`;
}
