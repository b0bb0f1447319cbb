// policy/law/map.yaml: for every article of policy/law, the rules and workflows that carry it out, or why (part of) it
// is not coded; and the article table of docs/POLICY.md rendered from it. Pure: the caller checks that paths exist.
import { z } from 'zod';
import { parseLegalBasis } from './citation.ts';
import { documentName, findArticle, type LawBook, type LawDocument } from './law-book.ts';

/** The map key of a document cited as a whole (a standard), in place of an article. */
export const WHOLE_DOCUMENT = '全文';

const mapEntrySchema = z
  .strictObject({
    /** Rule names (src/policy/index.ts), e.g. job-retention-refund. */
    rules: z.array(z.string().min(1)).optional(),
    /** Files or folders under src/ that carry the article out, e.g. src/services/screening/. */
    workflows: z.array(z.string().regex(/^src\/[\w./-]+$/, { message: '流程须写 src/ 下的文件或目录路径' })).optional(),
    /** Why the article, or the part of it no rule or workflow covers, is not coded — in Chinese. */
    notCoded: z.string().trim().min(4).optional(),
  })
  .refine((e) => e.rules?.length || e.workflows?.length || e.notCoded, {
    message: '每条须列出规则（rules）、流程（workflows）或不编码的原因（notCoded）',
  });

export const articleMapSchema = z.record(z.string(), z.record(z.string(), mapEntrySchema));

export type ArticleMap = z.infer<typeof articleMapSchema>;
export type ArticleMapEntry = ArticleMap[string][string];

/** The keys a document needs in the map: each of its articles, and 全文 for a standard cited as a whole. */
function requiredKeys(doc: LawDocument): string[] {
  return [...(doc.citableAsWhole ? [WHOLE_DOCUMENT] : []), ...doc.articles.map((a) => a.article)];
}

/**
 * Why the map does not fit the law and the rules: a document or article it names that policy/law lacks, an article of
 * policy/law it leaves out, a rule that does not exist, a rule it never mentions. Paths are checked by the caller.
 */
export function articleMapProblems(book: LawBook, map: ArticleMap, ruleNames: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [name, entries] of Object.entries(map)) {
    const doc = book.find(name);
    if (!doc) {
      problems.push(`map.yaml：policy/law 中没有文件“${name}”`);
      continue;
    }
    for (const [key, entry] of Object.entries(entries)) {
      if (!requiredKeys(doc).includes(key)) problems.push(`map.yaml：${name} 没有${key}`);
      for (const rule of entry.rules ?? [])
        if (!ruleNames.includes(rule)) problems.push(`map.yaml：${name} ${key} 的规则 ${rule} 不存在`);
    }
  }
  for (const doc of book.documents) {
    const entries = map[documentName(doc)] ?? {};
    for (const key of requiredKeys(doc))
      if (!entries[key]) problems.push(`map.yaml：缺少 ${documentName(doc)} ${key}（须列出规则、流程或不编码的原因）`);
  }
  const mapped = new Set(Object.values(map).flatMap((entries) => Object.values(entries).flatMap((e) => e.rules ?? [])));
  for (const rule of ruleNames) if (!mapped.has(rule)) problems.push(`map.yaml：规则 ${rule} 没有对应任何条款`);
  return problems;
}

/** Every src/ path the map names, for the caller to check. */
export function mappedPaths(map: ArticleMap): string[] {
  return [...new Set(Object.values(map).flatMap((entries) => Object.values(entries).flatMap((e) => e.workflows ?? [])))];
}

/** A legal basis of a parameter value, with the parameter file it is in. */
export interface ParameterCitation {
  file: string;
  legalBasis: string;
}

/** The parameter files citing an article, e.g. job-retention-refund.yaml for 鲁人社发〔2024〕8号 第二条. */
function citingFiles(parameters: readonly ParameterCitation[], doc: LawDocument, key: string): string[] {
  const files = parameters.filter(({ legalBasis }) =>
    parseLegalBasis(legalBasis).citations.some(
      (c) => doc.citedAs.includes(c.document) && (key === WHOLE_DOCUMENT ? !c.articles.length : c.articles.includes(key)),
    ),
  );
  return [...new Set(files.map((p) => p.file))].sort();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function codes(items: readonly string[] | undefined): string {
  return (items ?? []).map((i) => `\`${i}\``).join('<br>');
}

/** What an article says: its own heading when held in full, else our summary. */
function articleGist(doc: LawDocument, key: string): string {
  if (key === WHOLE_DOCUMENT) return doc.summary ?? '';
  const article = findArticle(doc, key)!;
  return article.heading ?? article.summary ?? '';
}

/** The article tables of docs/POLICY.md, one per document, in the map's order. */
export function renderArticleTables(book: LawBook, map: ArticleMap, parameters: readonly ParameterCitation[]): string {
  return Object.entries(map)
    .map(([name, entries]) => {
      const doc = book.find(name)!;
      const rows = requiredKeys(doc).map((key) => {
        const entry = entries[key]!;
        return `| ${key} | ${cell(articleGist(doc, key))} | ${codes(entry.rules)} | ${codes(citingFiles(parameters, doc, key))} | ${codes(entry.workflows)} | ${cell(entry.notCoded ?? '')} |`;
      });
      return [
        `**${name}**《${doc.title}》（${doc.date}）`,
        '',
        '| 条款 | 内容 | 规则 | 参数 | 流程 | 尚未编码或不编码的部分及原因 |',
        '|---|---|---|---|---|---|',
        ...rows,
      ].join('\n');
    })
    .join('\n\n');
}

export const TABLE_BEGIN = '<!-- policy-law-map:begin（由 npm run docs:policy 根据 policy/law/map.yaml 生成，请勿手改） -->';
export const TABLE_END = '<!-- policy-law-map:end -->';

/** The document with the text between the markers replaced by `tables`. */
export function withArticleTables(markdown: string, tables: string): string {
  const begin = markdown.indexOf(TABLE_BEGIN);
  const end = markdown.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`docs/POLICY.md 缺少生成区标记 ${TABLE_BEGIN} … ${TABLE_END}`);
  return `${markdown.slice(0, begin + TABLE_BEGIN.length)}\n\n${tables}\n\n${markdown.slice(end)}`;
}
