// Reads policy/law: the documents (every *.yaml but map.yaml) and the article map; and the legal bases written in
// policy/parameters, wherever in a file they stand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { articleMapSchema, type ArticleMap, type ParameterCitation } from '../../policy/law/article-map.ts';
import { collectLegalBases } from '../../policy/law/citation.ts';
import { LawBook, LawError, validateLawDocument, type LawDocument } from '../../policy/law/law-book.ts';
import { DEFAULT_PARAMETER_DIR } from '../parameters/load-parameters.ts';

export const DEFAULT_LAW_DIR = fileURLToPath(new URL('../../../policy/law/', import.meta.url));
const MAP_FILE = 'map.yaml';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort();
}

function readYaml(dir: string, name: string): unknown {
  try {
    return parse(readFileSync(join(dir, name), 'utf8'));
  } catch (error) {
    throw new LawError(`${name}: YAML 无法解析：${(error as Error).message}`);
  }
}

/** Loads and checks every document of policy/law; throws one error listing every problem, each naming its file. */
export function loadLawBook(dir = DEFAULT_LAW_DIR): LawBook {
  const documents: LawDocument[] = [];
  const problems: string[] = [];
  for (const name of yamlFiles(dir).filter((n) => n !== MAP_FILE)) {
    const result = validateLawDocument(name, readYaml(dir, name));
    problems.push(...result.problems);
    if (result.document) documents.push(result.document);
  }
  if (problems.length) throw new LawError(`policy/law 校验失败：\n${problems.join('\n')}`);
  return new LawBook(documents);
}

/** Loads policy/law/map.yaml (its shape only; articleMapProblems checks it against the law and the rules). */
export function loadArticleMap(dir = DEFAULT_LAW_DIR): ArticleMap {
  const parsed = articleMapSchema.safeParse(readYaml(dir, MAP_FILE));
  if (!parsed.success) {
    throw new LawError(
      `${MAP_FILE} 校验失败：\n${parsed.error.issues.map((i) => `${i.path.map(String).join(' ')}：${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

/** Every `legalBasis` string anywhere in policy/parameters/*.yaml, with its file and path (e.g. parameters.minFullMonths.values.0). */
export function parameterCitations(dir = DEFAULT_PARAMETER_DIR): (ParameterCitation & { path: string })[] {
  return yamlFiles(dir).flatMap((file) =>
    collectLegalBases(parse(readFileSync(join(dir, file), 'utf8'))).map((c) => ({ file, ...c })),
  );
}
