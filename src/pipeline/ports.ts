/**
 * The seams where the biometrics and policy work plugs in (docs/architecture.md). The pipeline's
 * defaults are the real engines, except the pickup planner, still a placeholder (pipeline.ts).
 */
import type { FingerTemplate } from '../biometrics/template.ts';
import type { Activation } from '../domain/jurisdiction.ts';
import type { IarBody } from '../domain/lesc.ts';
import type { ArrestCharge, OffenseLevel } from '../domain/offense.ts';
import type { DetainerClock, EroDecision, JailResponse } from '../policy/index.ts';

export interface SearchCandidate {
  /** FBI number (criminal file), FIN (immigration gallery) or SID (state repository). */
  subjectId: string;
  /** Higher is more similar; the scale is the engine's own. */
  score: number;
  /** The engine's decision: the score reaches its identification threshold. */
  hit: boolean;
}

/** A 1:N tenprint search over one gallery (CJIS criminal master file, or IDENT). */
export interface TenprintSearch {
  /** Candidates best first, at most `limit`. */
  search(probe: readonly FingerTemplate[], limit?: number): Promise<SearchCandidate[]>;
  /** Adds a subject to the gallery, once the transaction that enrolled it has committed. */
  enrol(subjectId: string, templates: readonly FingerTemplate[]): void;
}

/** A person of a state's repository (state_subjects) as the state search holds them. */
export interface StateEnrolment {
  sid: string;
  /** The SID's number in the state's sequence (state_subjects.seq). */
  seq: number;
  templates: readonly FingerTemplate[];
}

/**
 * The SIB's 1:N search of its state AFIS: per state, the people of the state's repository by SID.
 * The SIB keeps it in step with the repository: before searching a state it adds what was
 * enrolled since `through(state)` (by other processes); the people it enrols itself are held
 * (searchable at once, so a second booking in the same batch finds them) until its transaction
 * commits (enrol) or fails (release).
 */
export interface StateSearch {
  /** The highest sequence number among the state's people it holds (0: none). */
  through(state: string): number;
  /** Candidates best first, at most `limit`, among the state's people, held ones included. */
  search(state: string, probe: readonly FingerTemplate[], limit?: number): Promise<SearchCandidate[]>;
  /** Adds a person the running transaction enrols, until it commits or fails. */
  hold(state: string, person: StateEnrolment): Promise<void>;
  /** People whose enrolment has committed (held ones, or another process's): kept for good; the next search sees them. */
  enrol(state: string, people: readonly StateEnrolment[]): void;
  /** Takes back every person still held: their transaction failed. */
  release(): void;
}

export type DetainerForm = 'I-247' | 'I-247D' | 'I-247N' | 'I-247X';

/** What the ICE officer sees when deciding (DOMAIN.md §1 step 6). */
export interface EroCase {
  bookingId: string;
  /** The jail's rule set id (policies/*.policy). */
  rulesetId: string;
  /** Decision time, from the pipeline's clock. */
  at: Date;
  arrestedAt: Date;
  releaseDueAt: Date;
  charges: readonly ArrestCharge[];
  iar: IarBody;
  /** When the person claimed US citizenship, if they had by the decision time (citizenship_claims). */
  citizenshipClaimAt?: Date;
}

/**
 * The policy engine's whole answer for ERO, stored with the ICE decision (ice_decisions.explanation):
 * levels, priority, discretion, action, safeguards, escalation, and each decision with its version
 * and the rules that fired (condition, cite, file line, the facts they read).
 */
export type EroExplanation = EroDecision;

/** The engine's whole answer for the jail (jail_responses.explanation), with the clock of a hold. */
export interface JailExplanation extends JailResponse {
  readonly clock: DetainerClock | null;
}

export interface EroOutcome {
  action: DetainerForm | 'none';
  chargeLevel: OffenseLevel | null;
  convictionLevel: OffenseLevel | null;
  priority: number | null;
  reason: string;
  /** Stored with the decision; a port that cannot explain leaves it out. */
  explanation?: EroExplanation;
}

export interface JailOutcome {
  response: 'honour' | 'notify-only' | 'decline';
  /** The person is kept beyond release until holdExpiresAt. */
  hold: boolean;
  /** End of the hold by the detainer clock (null without a hold). */
  holdExpiresAt: Date | null;
  reason: string;
  /** Stored with the answer; a port that cannot explain leaves it out. */
  explanation?: JailExplanation;
}

/** ICE's decision and the jail's answer under its local law, with the detainer clock. */
export interface PolicyPort {
  readonly name: string;
  ero(c: EroCase): EroOutcome;
  jail(c: EroCase, form: DetainerForm): JailOutcome;
}

/** A jail as the SIB knows it, with its dated activation records (jurisdiction_activations). */
export interface JailParticipation {
  id: string;
  name: string;
  rulesetId: string;
  activations: readonly Activation[];
}

/** Whether a booking's prints go on to DHS (DOMAIN.md §2), and why. */
export interface ParticipationPort {
  sharing(jail: JailParticipation, arrestedAt: Date): { forward: boolean; reason: string };
}

/** When ICE officers arrive to take custody, after the person becomes releasable. */
export interface PickupPlanner {
  delayMs(detainerId: string): number;
}

export interface PipelinePorts {
  stateSearch: StateSearch;
  cjisSearch: TenprintSearch;
  identSearch: TenprintSearch;
  policy: PolicyPort;
  participation: ParticipationPort;
  pickup: PickupPlanner;
}
