// Citations of the law as the code writes them, and the check that each names a document and article of policy/law.
// A legal basis is one or more citations joined by “；”:
//   鲁人社发〔2024〕8号 第二条（…）              document, article, a note in our words
//   失业保险条例 第十七条；社会保险法 第四十六条（…）
//   GB 11643-1999《公民身份号码》；鲁人社发〔2024〕8号 第四条   a title in 《》 after the document
//   鲁人社发〔2024〕8号 第七条、第八条          several articles of one document
import { ARTICLE_PATTERN } from './article-number.ts';
import { findArticle, type LawBook, type LawDocument } from './law-book.ts';

export interface Citation {
  /** The document as written, e.g. 鲁人社发〔2024〕8号. */
  document: string;
  /** The title written in 《》 after the document, if any. */
  title?: string;
  /** The articles as written, e.g. [第七条, 第八条]; empty when the document is cited as a whole. */
  articles: string[];
  note?: string;
}

const CITATION_RE = new RegExp(
  `^(?<document>.+?)\\s*(?:《(?<title>[^》]+)》)?\\s*(?<articles>${ARTICLE_PATTERN}(?:、${ARTICLE_PATTERN})*)?\\s*(?:（(?<note>.*)）)?$`,
  's',
);
const ARTICLE_RE = new RegExp(ARTICLE_PATTERN, 'g');
const HAS_ARTICLE_RE = new RegExp(ARTICLE_PATTERN);
const OPENING = '（(《';
const CLOSING = '）)》';

/** Splits at the “；” that are not inside brackets (a note may itself contain “；”). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  [...text].forEach((ch, i, chars) => {
    if (OPENING.includes(ch)) depth += 1;
    else if (CLOSING.includes(ch)) depth -= 1;
    else if (ch === '；' && depth === 0) {
      parts.push(chars.slice(start, i).join(''));
      start = i + 1;
    }
  });
  parts.push([...text].slice(start).join(''));
  return parts.map((p) => p.trim());
}

/** Parses a legal basis into its citations; a part it cannot read is a problem, never silently dropped. */
export function parseLegalBasis(legalBasis: string): { citations: Citation[]; problems: string[] } {
  const citations: Citation[] = [];
  const problems: string[] = [];
  for (const part of splitTopLevel(legalBasis)) {
    const groups = CITATION_RE.exec(part)?.groups;
    const document = groups?.document?.trim();
    if (!groups || !document || HAS_ARTICLE_RE.test(document)) {
      problems.push(`无法识别的引用“${part}”：应写作“文件 第X条（说明）”`);
      continue;
    }
    citations.push({
      document,
      ...(groups.title && { title: groups.title }),
      articles: groups.articles?.match(ARTICLE_RE) ?? [],
      ...(groups.note && { note: groups.note }),
    });
  }
  return { citations, problems };
}

function titleProblem(doc: LawDocument, title: string, document: string): string | undefined {
  return title === doc.title || title === doc.shortTitle ? undefined : `${document} 的标题是《${doc.title}》，不是《${title}》`;
}

/** Why a citation does not point at the law in policy/law; empty when it does. */
export function citationProblems(book: LawBook, citation: Citation): string[] {
  const doc = book.find(citation.document);
  if (!doc) return [`policy/law 中没有文件“${citation.document}”`];
  const problems: string[] = [];
  const wrongTitle = citation.title && titleProblem(doc, citation.title, citation.document);
  if (wrongTitle) problems.push(wrongTitle);
  if (!citation.articles.length && !doc.citableAsWhole) problems.push(`引用 ${citation.document} 须写明条款（第X条）`);
  for (const article of citation.articles) {
    if (!findArticle(doc, article))
      problems.push(
        `${citation.document} 没有${article}（policy/law 中收录的条款：${doc.articles.map((a) => a.article).join('、')}）`,
      );
  }
  return problems;
}

/** Why a legal basis (from a parameter, a trace step or a rule) does not name existing articles; empty when it does. */
export function legalBasisProblems(book: LawBook, legalBasis: string): string[] {
  const { citations, problems } = parseLegalBasis(legalBasis);
  return [...problems, ...citations.flatMap((c) => citationProblems(book, c))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Citations in free text (source comments, messages, pages). A document named in the text stays the one an article
 * refers to until another document is named, so “失业保险条例 第十四条 … 第十七条” reads as two articles of the
 * regulation. Document numbers and standards that policy/law does not hold are skipped, with the articles after them.
 * A title in 《》 right before the document (the title, then the number in brackets) or right after it must be the
 * document's title or short title.
 */
export function textCitationProblems(book: LawBook, source: string): { line: number; problem: string }[] {
  const known = book.names().map(escapeRegExp).join('|');
  const token = new RegExp(
    `(?<known>${known})|(?<other>[\\p{Script=Han}A-Za-z]+〔\\d{4}〕\\d+号|GB(?:/T)?\\s?\\d+(?:\\.\\d+)?-\\d{4})|(?<article>${ARTICLE_PATTERN})`,
    'gu',
  );
  const problems: { line: number; problem: string }[] = [];
  let current: { doc: LawDocument; name: string } | undefined;
  for (const m of source.matchAll(token)) {
    const line = source.slice(0, m.index).split('\n').length;
    const { known: knownName, other, article } = m.groups!;
    if (article) {
      if (current && !findArticle(current.doc, article)) problems.push({ line, problem: `${current.name} 没有${article}` });
      continue;
    }
    const name = knownName ?? book.names().find((n) => other!.endsWith(n));
    const doc = name === undefined ? undefined : book.find(name);
    current = doc && { doc, name: name! };
    if (!doc) continue;
    const end = m.index + m[0].length;
    const start = end - name!.length;
    const title =
      /《([^》]+)》[（(]$/.exec(source.slice(Math.max(0, start - 200), start))?.[1] ??
      /^\s*《([^》]+)》/.exec(source.slice(end))?.[1];
    const wrongTitle = title && titleProblem(doc, title, name!);
    if (wrongTitle) problems.push({ line, problem: wrongTitle });
  }
  return problems;
}

/** Every `legalBasis` string anywhere in a parsed value (a parameter file, a decision with its trace), with its path. */
export function collectLegalBases(node: unknown, path: readonly string[] = []): { path: string; legalBasis: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectLegalBases(item, [...path, String(i)]));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'legalBasis' && typeof value === 'string'
      ? [{ path: path.join('.'), legalBasis: value }]
      : collectLegalBases(value, [...path, key]),
  );
}
