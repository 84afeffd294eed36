/** What the API's services share: the store, the clock (the pipeline's), the rule book. Built once per server. */
import type { Clock } from '../domain/clock.ts';
import type { RuleBook } from '../policy/rule-book.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import type { Store } from '../store/store.ts';
import { AuthService } from './auth/service.ts';
import { LiveHub } from './live/hub.ts';
import { AuditService } from './services/audit.ts';
import { BookingService } from './services/bookings.ts';
import { StatsService } from './services/stats.ts';
import { StepService } from './services/steps.ts';
import { IntakeService } from './services/intake.ts';
import { JurisdictionService } from './services/jurisdictions.ts';
import { UserService } from './services/users.ts';

export interface ServerDeps {
  store: Store;
  clock: Clock;
  book: RuleBook;
  /** The embedded pipeline, when this process runs it: decisions made in the console are applied at once. */
  pipeline?: Pipeline;
}

export interface ServerContext extends ServerDeps {
  auth: AuthService;
  users: UserService;
  bookings: BookingService;
  live: LiveHub;
  stats: StatsService;
  audit: AuditService;
  steps: StepService;
  intake: IntakeService;
  jurisdictions: JurisdictionService;
}

export function createContext(deps: ServerDeps): ServerContext {
  const bookings = new BookingService(deps);
  const ctx: ServerContext = {
    ...deps,
    auth: new AuthService(deps.store, deps.clock),
    users: new UserService(deps.store, deps.clock, deps.book),
    bookings,
    live: new LiveHub(deps.store, deps.clock),
    stats: new StatsService(deps, bookings),
    audit: new AuditService(deps),
    steps: new StepService(deps, bookings, () => ctx.pipeline),
    intake: new IntakeService(() => ctx),
    jurisdictions: new JurisdictionService(deps),
  };
  return ctx;
}
