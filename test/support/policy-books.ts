/** Rule-file texts for policy tests: small books that change one thing at a time. */

/** The smallest federal file the engine accepts; tests add or break one thing at a time. */
export const MINIMAL_FEDERAL = `jurisdiction federal
name "test federal"
kind federal
source "test"
status verified
decide opt-out-policy first from 2008-10-27
  values withdrawable mandatory
  default withdrawable
  source "test"
  status verified
decide charge-level first from 2008-10-27
  values level-1 none
  default none
  source "test"
  status verified
decide conviction-level first from 2008-10-27
  values level-1 none
  default none
  source "test"
  status verified
decide action first from 2008-10-27
  values I-247 none
  default none
  source "test"
  status verified
  rule removable
    when immigration.removable
    then I-247
    cite "test"
decide jail-response agree from 2008-10-27
  values honour notify-only decline
  default honour
  source "test"
  status verified
decide clock first from 2008-10-27
  values excluding-weekends-holidays absolute
  default excluding-weekends-holidays
  source "test"
  status verified
`;

