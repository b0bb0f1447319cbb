// The law beside the code (policy/law/*.yaml): the notices in full, split by article, and of every other instrument
// the code cites only the cited articles with a one-line summary in our own words. Pure: parsing and checks only.
import { z } from 'zod';
import { isValidDate } from '../core/dates.ts';
import { articleLabel, articleNumber } from './article-number.ts';

const isoDate = z.string().refine(isValidDate, { message: '日期须为有效的 YYYY-MM-DD' });
const text = z.string().trim().min(1);

const articleSchema = z.strictObject({
  article: z
    .string()
    .refine((label) => articleNumber(label) !== undefined, { message: '条款须写作“第一条”“第十七条”这样的形式' }),
  /** The article's own first sentence (documents held in full). */
  heading: text.optional(),
  /** The article's text as issued, line breaks joined (documents held in full). */
  text: text.optional(),
  /** What the article says, in our own words (documents of which we cite only some articles). */
  summary: text.optional(),
});

export const lawDocumentSchema = z.strictObject({
  /** Every name a citation may use for the document, e.g. 鲁人社发〔2024〕8号 or 社会保险法. */
  citedAs: z.array(text).min(1),
  title: text,
  /** A shorter title that citations may also use in 《》. */
  shortTitle: text.optional(),
  /** The promulgation number when the document is cited by name (国务院令第258号). */
  number: text.optional(),
  kind: text,
  date: isoDate,
  inForceFrom: isoDate.optional(),
  issuers: z.array(text).min(1),
  addressees: text.optional(),
  publication: text.optional(),
  contact: text.optional(),
  /** The document this one forwards (Weihai's letter forwards the Shandong notice). */
  forwards: text.optional(),
  note: text.optional(),
  /** `original`: every article's text as issued; `summary`: only the cited articles, each summarised in our words. */
  wording: z.enum(['original', 'summary']),
  /** A standard the code cites as a whole, without an article. */
  citableAsWhole: z.boolean().optional(),
  /** What a document cited as a whole provides, in our own words. */
  summary: text.optional(),
  preamble: text.optional(),
  articles: z.array(articleSchema),
});

export type LawDocument = z.infer<typeof lawDocumentSchema>;
export type LawArticle = LawDocument['articles'][number];

/** Problems of one document beyond its shape: wording kept apart, articles in order (held in full: numbered from one, none missing). */
function documentProblems(doc: LawDocument): string[] {
  const problems: string[] = [];
  const numbers = doc.articles.map((a) => articleNumber(a.article)!);
  numbers.forEach((n, i) => {
    const expected = doc.wording === 'original' ? i + 1 : undefined;
    if (expected !== undefined && n !== expected)
      problems.push(`${doc.articles[i]!.article} 处应为 ${articleLabel(expected)}（全文收录的文件须逐条连续编号）`);
    if (expected === undefined && i > 0 && n <= numbers[i - 1]!)
      problems.push(`${doc.articles[i]!.article} 须排在 ${doc.articles[i - 1]!.article} 之后`);
  });
  for (const a of doc.articles) {
    if (doc.wording === 'original') {
      if (!a.text || !a.heading || a.summary)
        problems.push(`${a.article}：全文收录的文件每条须有 heading 与 text（原文），不写 summary`);
      else if (!a.text.startsWith(`${a.heading}。`)) problems.push(`${a.article}：text 须以 heading 加句号开头`);
    } else if (!a.summary || a.text || a.heading)
      problems.push(`${a.article}：摘要收录的文件每条只写 summary（本项目自拟），不抄录原文`);
  }
  if (!doc.articles.length && !doc.citableAsWhole)
    problems.push('没有任何条款；只有整体引用的标准（citableAsWhole: true）可以不列条款');
  if (doc.citableAsWhole && !doc.summary) problems.push('整体引用的文件须有 summary');
  return problems;
}

/** Checks one parsed file; problems name the file. */
export function validateLawDocument(fileName: string, data: unknown): { document?: LawDocument; problems: string[] } {
  const parsed = lawDocumentSchema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${fileName}: ${i.path.map(String).join('.') || '(根)'}：${i.message}`) };
  }
  const problems = documentProblems(parsed.data).map((p) => `${fileName}: ${p}`);
  return problems.length ? { problems } : { document: parsed.data, problems };
}

export class LawError extends Error {}

/** Every document of policy/law, found by any name a citation may use. */
export class LawBook {
  private readonly byName = new Map<string, LawDocument>();

  constructor(readonly documents: readonly LawDocument[]) {
    for (const doc of documents) {
      for (const name of doc.citedAs) {
        if (this.byName.has(name)) throw new LawError(`文件名称 ${name} 被两个文件同时使用`);
        this.byName.set(name, doc);
      }
    }
  }

  /** The document a citation names, e.g. 鲁人社发〔2024〕8号. */
  find(name: string): LawDocument | undefined {
    return this.byName.get(name);
  }

  /** Every name a citation may use, longest first (so 中华人民共和国社会保险法 is found before 社会保险法). */
  names(): string[] {
    return [...this.byName.keys()].sort((a, b) => b.length - a.length);
  }
}

/** The canonical name of a document (the first of `citedAs`). */
export function documentName(doc: LawDocument): string {
  return doc.citedAs[0]!;
}

export function findArticle(doc: LawDocument, label: string): LawArticle | undefined {
  return doc.articles.find((a) => a.article === label);
}
