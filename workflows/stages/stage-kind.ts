import type { ResolvedStage, ResolvedTemplate } from '../../libs/domain';
import type { CycleState } from '../cycle.messages';

export type StageState = CycleState['stages'][number];
export type ClosedBy = 'admin' | 'schedule';

/** What each entry is told at a stage's close: its own outcome from its screening, the nominee list or its interview. */
export type EntryOutcomes = 'screening' | 'selection' | 'interview';

/** The cycle a stage kind works in; given once, when the cycle starts. */
export interface CycleRun {
  cycleId: string;
  template: ResolvedTemplate;
  state: CycleState;
}

/** One stage of the cycle as its kind sees it. */
export interface StageRun extends CycleRun {
  stage: ResolvedStage;
  /** The stage's live state: its status, and its close instant as extensions move it. */
  stageState: StageState;
  /** Waits again for the stage's close (admin, deadline, extension, pause), after the kind moved its deadline. */
  waitForClose(): Promise<ClosedBy>;
}

/** Work a stage kind runs while its stage is open. */
export interface OpenStage {
  /** True when the work itself ends the stage (the plenary's decision). */
  closesItself?(): boolean;
  /** When the close comes: ends the work, and may keep the stage open longer (desk grace); returns who closed it. */
  atClose?(closedBy: ClosedBy): Promise<ClosedBy>;
}

/**
 * The named steps of one kind of stage, in the order the cycle runs them. Every step is optional: a submission
 * stage has none. A new kind of stage is one module implementing this, listed once in `stage-kinds.ts`.
 */
export interface StageKind {
  /** Before the stage shows as open: what whoever sees it open must find (evaluators, the interview schedule). */
  beforeOpen?(run: StageRun): Promise<void>;
  /** Once the stage is open and the entries know it. */
  afterOpen?(run: StageRun): Promise<void>;
  /** Work alongside the open stage, until it closes. */
  whileOpen?(run: StageRun): Promise<OpenStage>;
  /** Once the read model shows the stage closed, before the entries are told: what settles their outcomes. */
  afterClose?(run: StageRun): Promise<void>;
  /** Whether each entry gets an outcome of its own at the close; otherwise every entry simply completes the stage. */
  outcomes?(run: StageRun): EntryOutcomes | undefined;
}
