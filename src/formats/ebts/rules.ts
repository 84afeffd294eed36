/**
 * Loads the EBTS field rules at run time from an OpenEBTS verification file, so the rules stay
 * data. The file is found at `path`, else $SECCOM_EBTS_RULES, else the EBTS 9.1 file in the
 * shared test data next to the repository. Value lists (`mmap="file://T2_POB.txt"`) are read
 * from the same folder. Loaded once per path.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SeccomError } from '../../errors/index.ts';
import { parseRuleFile, type EbtsRuleSet } from './rules-file.ts';

export const defaultRulesPath = fileURLToPath(
  new URL('../../../../shared/data/ebts/openebts-verification/EBTS9.1_ENUS.txt', import.meta.url),
);

const cache = new Map<string, EbtsRuleSet>();

export function loadEbtsRules(path: string = process.env.SECCOM_EBTS_RULES ?? defaultRulesPath): EbtsRuleSet {
  const hit = cache.get(path);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SeccomError('SECCOM_EBTS_RULES_INVALID', `cannot read the EBTS rule file: ${(e as Error).message}`, {
      location: { file: path },
    });
  }
  const rules = parseRuleFile(text, path, (name) => readFileSync(join(dirname(path), name), 'utf8'));
  cache.set(path, rules);
  return rules;
}
