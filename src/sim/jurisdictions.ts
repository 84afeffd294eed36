/**
 * The synthetic world's jails: real county names with the local rule sets of policies/, and
 * activation dates as ICE published them (DOMAIN.md §2); the agencies and everyone in them are
 * synthetic. Each county answers detainers under a different law. Whether a request not to share
 * has effect is not recorded here: the federal opt-out policy in force decides.
 */
import type { Activation, Jurisdiction } from '../domain/jurisdiction.ts';

export interface SimJurisdiction extends Jurisdiction {
  activations: Activation[];
  /** Share of the world's bookings made here. */
  weight: number;
}

const act = (from: string, note: string, optOutRequested = false): Activation => ({
  effectiveFrom: new Date(`${from}T00:00:00Z`),
  activated: true,
  optOutRequested,
  note,
});

export const simJurisdictions: readonly SimJurisdiction[] = [
  { id: 'tx-harris', name: 'Harris County, TX', state: 'TX', ori: 'TX1010000', rulesetId: 'us-tx-harris', weight: 3, activations: [act('2008-10-27', 'among the first activations')] },
  { id: 'ca-los-angeles', name: 'Los Angeles County, CA', state: 'CA', ori: 'CA0194200', rulesetId: 'us-ca', weight: 3, activations: [act('2009-08-27', 'activated under the California MOA')] },
  {
    id: 'il-cook',
    name: 'Cook County, IL',
    state: 'IL',
    ori: 'IL0160000',
    rulesetId: 'us-il-cook',
    weight: 2,
    activations: [act('2010-09-14', 'activated'), act('2011-05-04', 'Illinois withdraws from its MOA', true)],
  },
  { id: 'ct-hartford', name: 'Hartford County, CT', state: 'CT', ori: 'CT0020000', rulesetId: 'us-ct', weight: 1, activations: [act('2012-02-22', 'activated')] },
  { id: 'ma-suffolk', name: 'Suffolk County, MA', state: 'MA', ori: 'MA0130000', rulesetId: 'us-ma', weight: 1, activations: [act('2012-05-15', 'activated over the governor\'s objection', true)] },
  { id: 'ny-kings', name: 'Kings County, NY', state: 'NY', ori: 'NY0230000', rulesetId: 'us-ny', weight: 1, activations: [act('2012-05-15', 'activated over the governor\'s objection', true)] },
];
