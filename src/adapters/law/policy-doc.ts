// docs/POLICY.md as it is and as policy/law/map.yaml says its article table should be.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderArticleTables, withArticleTables } from '../../policy/law/article-map.ts';
import { loadArticleMap, loadLawBook, parameterCitations } from './load-law.ts';

export const POLICY_DOC_PATH = fileURLToPath(new URL('../../../docs/POLICY.md', import.meta.url));

/** The current text of docs/POLICY.md and the text with its article table generated from the map. */
export function policyDocument(path = POLICY_DOC_PATH): { current: string; generated: string } {
  const current = readFileSync(path, 'utf8');
  const tables = renderArticleTables(loadLawBook(), loadArticleMap(), parameterCitations());
  return { current, generated: withArticleTables(current, tables) };
}

/** Rewrites the article table of docs/POLICY.md; answers whether the file changed. */
export function writePolicyDocument(path = POLICY_DOC_PATH): boolean {
  const { current, generated } = policyDocument(path);
  if (generated !== current) writeFileSync(path, generated);
  return generated !== current;
}
