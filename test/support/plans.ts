/** Query plans on PostgreSQL: which large tables a query reads by sequential scan (EXPLAIN, not run). */
import { sql, type SQLWrapper } from 'drizzle-orm';
import { rows, type Db } from '../../src/store/db.ts';

/** Tables that grow with the bookings; small reference tables (jurisdictions) may be read whole. */
export const largeTables = new Set(['bookings', 'sib_results', 'cjis_results', 'ident_results', 'iaqs', 'iars', 'ice_decisions', 'detainers', 'booking_outcomes', 'console_tasks', 'jail_responses', 'audit_log']);

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

export async function explain(db: Db, query: SQLWrapper): Promise<PlanNode> {
  const [row] = await rows<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(db, sql`EXPLAIN (FORMAT JSON) ${query}`);
  return row!['QUERY PLAN'][0].Plan;
}

export function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && largeTables.has(node['Relation Name'])) out.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}
