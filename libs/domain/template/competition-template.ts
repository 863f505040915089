import type { Cluster } from '../cluster';
import type { StageType } from '../stage-type';
import type { Zone } from '../time-zone';

/** Stage parameters are scalars, checked per stage type by validateTemplate. */
export type StageParams = Record<string, string | number | boolean>;

/** A stage's calendar as the ministry publishes it: local wall-clock times (`YYYY-MM-DDTHH:mm`) in a named zone. */
export interface StageWindow {
  opens: string;
  closes: string;
  zone: Zone;
}

export interface Criterion {
  key: string;
  name: string;
  /** Percent; the weights of one rubric sum to 100. */
  weight: number;
  scale: { min: number; max: number };
}

export interface Rubric {
  key: string;
  name: string;
  criteria: Criterion[];
}

/** Kelompok, e.g. PKRI's pembina, keberlanjutan, replikasi; each scored with one rubric. */
export interface Group {
  key: string;
  name: string;
  rubric: string;
  /** Entries of this group copy an earlier innovation and must name it. */
  replication?: boolean;
}

export interface StageDefinition {
  key: string;
  type: StageType;
  name: string;
  window: StageWindow;
  params?: StageParams;
}

/** A competition template is data: the engine interprets it, PKRI and KIPP are two templates, not two code paths. */
export interface CompetitionTemplate {
  key: string;
  programme: string;
  year: number;
  name: string;
  clusters: Cluster[];
  groups: Group[];
  rubrics: Rubric[];
  stages: StageDefinition[];
}

export interface ResolvedStage {
  key: string;
  type: StageType;
  name: string;
  zone: Zone;
  /** ISO-8601 instants in UTC. Workflows receive instants and never compute zones. */
  opensAt: string;
  closesAt: string;
  params: StageParams;
}

/** A template version with its calendar resolved to instants; travels by value in the cycle workflow's input. */
export interface ResolvedTemplate extends Omit<CompetitionTemplate, 'stages'> {
  version: number;
  stages: ResolvedStage[];
}
