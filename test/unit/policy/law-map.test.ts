// The law beside the code: every legal basis the parameters, rules and traces cite names an article held in
// policy/law; every article there is mapped to rules or workflows or says why it is not coded; docs/POLICY.md's
// article table is generated from that map.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticleMap, loadLawBook, parameterCitations } from '../../../src/adapters/law/load-law.ts';
import { policyDocument } from '../../../src/adapters/law/policy-doc.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { articleLabel, articleNumber } from '../../../src/policy/law/article-number.ts';
import { articleMapProblems, mappedPaths } from '../../../src/policy/law/article-map.ts';
import {
  collectLegalBases,
  legalBasisProblems,
  parseLegalBasis,
  textCitationProblems,
} from '../../../src/policy/law/citation.ts';
import { rules } from '../../../src/policy/index.ts';
import { evaluateBody } from '../../../src/services/evaluate.ts';
import { readCaseFile } from '../../support/run-cases.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const book = loadLawBook();

/** Each problem prefixed with where the legal basis was found. */
function problemsOf(found: { where: string; legalBasis: string }[]): string[] {
  return found.flatMap(({ where, legalBasis }) =>
    legalBasisProblems(book, legalBasis).map((p) => `${where}「${legalBasis}」：${p}`),
  );
}

describe('policy/law holds the two notices in full', () => {
  it('鲁人社发〔2024〕8号 has 第一条 … 第九条 with their text, 威人社函〔2024〕41号 第一条 … 第三条', () => {
    const notice = book.find('鲁人社发〔2024〕8号')!;
    expect(notice.date).toBe('2024-07-09');
    expect(notice.articles.map((a) => a.article)).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
      '第七条',
      '第八条',
      '第九条',
    ]);
    expect(notice.articles[1]!.text).toContain(
      '大型企业按企业及其职工上年度实际缴纳失业保险费（不含补缴历年欠费及滞纳金）的30%返还，中小微企业返还比例为60%。',
    );
    const letter = book.find('威人社函〔2024〕41号')!;
    expect(letter.date).toBe('2024-07-30');
    expect(letter.forwards).toBe('鲁人社发〔2024〕8号');
    expect(letter.articles.map((a) => a.heading)).toEqual(['合理确定支出规模', '强化政策宣传力度', '切实防范基金风险']);
  });

  it('joins the line breaks of the PDF: no article text contains a line break or a space between Chinese characters', () => {
    for (const name of ['鲁人社发〔2024〕8号', '威人社函〔2024〕41号']) {
      for (const a of book.find(name)!.articles)
        expect(a.text, `${name} ${a.article}`).not.toMatch(/\n|\p{Script=Han} \p{Script=Han}/u);
    }
  });
});

describe('article labels', () => {
  it('reads and writes the labels the law uses', () => {
    expect([1, 10, 17, 46, 86, 100, 102, 110].map(articleLabel)).toEqual([
      '第一条',
      '第十条',
      '第十七条',
      '第四十六条',
      '第八十六条',
      '第一百条',
      '第一百零二条',
      '第一百一十条',
    ]);
    expect(['第一条', '第十四条', '第四十六条', '第一百零二条'].map(articleNumber)).toEqual([1, 14, 46, 102]);
  });

  it('refuses labels not written the canonical way', () => {
    expect(['第一十条', '第十〇条', '第0条', '第二', '十七条'].map(articleNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('citation parser', () => {
  it('reads the forms the code uses today', () => {
    expect(
      parseLegalBasis('鲁人社发〔2024〕8号 第二条（山东省各市2024年实施口径：严重失信、僵尸企业、已注销、破产单位不予返还）'),
    ).toEqual({
      citations: [
        {
          document: '鲁人社发〔2024〕8号',
          articles: ['第二条'],
          note: '山东省各市2024年实施口径：严重失信、僵尸企业、已注销、破产单位不予返还',
        },
      ],
      problems: [],
    });
    expect(parseLegalBasis('失业保险条例 第十七条；社会保险法 第四十六条（合并计算，最长不超过二十四个月）').citations).toEqual([
      { document: '失业保险条例', articles: ['第十七条'] },
      { document: '社会保险法', articles: ['第四十六条'], note: '合并计算，最长不超过二十四个月' },
    ]);
    expect(parseLegalBasis('GB 11643-1999《公民身份号码》；鲁人社发〔2024〕8号 第四条').citations).toEqual([
      { document: 'GB 11643-1999', title: '公民身份号码', articles: [] },
      { document: '鲁人社发〔2024〕8号', articles: ['第四条'] },
    ]);
    expect(parseLegalBasis('工信部联企业〔2011〕300号《中小企业划型标准规定》第四条').citations).toEqual([
      { document: '工信部联企业〔2011〕300号', title: '中小企业划型标准规定', articles: ['第四条'] },
    ]);
    expect(parseLegalBasis('鲁人社发〔2024〕8号 第七条、第八条').citations).toEqual([
      { document: '鲁人社发〔2024〕8号', articles: ['第七条', '第八条'] },
    ]);
  });

  it('keeps a “；” inside a note within its citation', () => {
    const { citations } = parseLegalBasis('失业保险条例 第十七条（满1年不足5年的最长12个月；满5年不足10年的最长18个月）');
    expect(citations).toEqual([
      { document: '失业保险条例', articles: ['第十七条'], note: '满1年不足5年的最长12个月；满5年不足10年的最长18个月' },
    ]);
  });

  it('accepts citations of existing articles and of standards cited as a whole', () => {
    expect(legalBasisProblems(book, '鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条（不超过15%）')).toEqual([]);
    expect(
      legalBasisProblems(book, 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》；GB 11643-1999《公民身份号码》'),
    ).toEqual([]);
  });

  it('fails a citation of an article the document does not have', () => {
    expect(legalBasisProblems(book, '鲁人社发〔2024〕8号 第十条（虚构的条款）')).toEqual([
      '鲁人社发〔2024〕8号 没有第十条（policy/law 中收录的条款：第一条、第二条、第三条、第四条、第五条、第六条、第七条、第八条、第九条）',
    ]);
    expect(legalBasisProblems(book, '失业保险条例 第十七条；社会保险法 第四十七条')).toEqual([
      '社会保险法 没有第四十七条（policy/law 中收录的条款：第四十六条、第四十八条、第五十一条、第八十六条）',
    ]);
  });

  it('fails an unknown document, a wrong title, a notice cited without article and text it cannot read', () => {
    expect(legalBasisProblems(book, '鲁人社发〔2024〕9号 第二条')).toEqual(['policy/law 中没有文件“鲁人社发〔2024〕9号”']);
    expect(legalBasisProblems(book, 'GB 11643-1999《居民身份证号码》')).toEqual([
      'GB 11643-1999 的标题是《公民身份号码》，不是《居民身份证号码》',
    ]);
    expect(legalBasisProblems(book, '人社部发〔2023〕19号（阶段性降费率延续至2024年12月31日）')).toEqual([
      '引用 人社部发〔2023〕19号 须写明条款（第X条）',
    ]);
    expect(legalBasisProblems(book, '鲁人社发〔2024〕8号 第二条 第三条')).toEqual([
      '无法识别的引用“鲁人社发〔2024〕8号 第二条 第三条”：应写作“文件 第X条（说明）”',
    ]);
  });

  it('finds wrong articles and titles in free text, attributing an article to the document named last', () => {
    const source = [
      '// 鲁人社发〔2024〕8号 第五条: keep paying. Under 失业保险条例 第十四条 a person insured ≥ 1 year',
      '// receives it; 第十九条 and 社会保险法 第四十六条 set the period.',
      "const text = '根据《关于做好2024年失业保险援企稳岗工作的通知》（鲁人社发〔2024〕8号）';",
      '// 人社部发〔2024〕40号 第十二条 is not held in policy/law and is skipped; 按《中小企业划型标准规定》（工信部联企业〔2011〕300号）',
    ].join('\n');
    expect(textCitationProblems(book, source)).toEqual([
      { line: 2, problem: '失业保险条例 没有第十九条' },
      {
        line: 3,
        problem:
          '鲁人社发〔2024〕8号 的标题是《山东省人力资源和社会保障厅等4部门关于做好失业保险援企稳岗政策落实工作的通知》，不是《关于做好2024年失业保险援企稳岗工作的通知》',
      },
    ]);
  });
});

describe('every legal basis names an article held in policy/law', () => {
  it('in policy/parameters/*.yaml', () => {
    const found = parameterCitations();
    expect(found.length).toBeGreaterThan(20);
    expect(problemsOf(found.map((c) => ({ where: `${c.file} ${c.path}`, legalBasis: c.legalBasis })))).toEqual([]);
  });

  it('in a parameter file with a made-up article, which the check reports with file and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'law-params-'));
    writeFileSync(
      join(dir, 'fake.yaml'),
      'parameters:\n  rate:\n    values:\n      - legalBasis: 鲁人社发〔2024〕8号 第十条（虚构）\n',
    );
    const found = parameterCitations(dir).map((c) => ({ where: `${c.file} ${c.path}`, legalBasis: c.legalBasis }));
    expect(problemsOf(found)).toEqual([
      'fake.yaml parameters.rate.values.0「鲁人社发〔2024〕8号 第十条（虚构）」：鲁人社发〔2024〕8号 没有第十条（policy/law 中收录的条款：第一条、第二条、第三条、第四条、第五条、第六条、第七条、第八条、第九条）',
    ]);
  });

  it('in the article each rule declares', () => {
    expect(problemsOf([...rules.values()].map((r) => ({ where: `规则 ${r.name}`, legalBasis: r.article })))).toEqual([]);
  });

  it('in the traces the rules produce for every case of policy/cases and ../shared/policy/cases', () => {
    const params = loadParameters();
    const shared = join(root, '../shared/policy/cases');
    if (!existsSync(shared)) {
      if (process.env.CI === 'true') throw new Error(`CI 环境缺少案例目录 ${shared}`);
      console.warn(`跳过共享案例：找不到 ${shared}`);
    }
    const caseSets = [...rules.keys()].flatMap((name) => [
      { where: `policy/cases/${name}`, name, inputs: readCaseFile(name).map((c) => c.input) },
      ...(existsSync(join(shared, `${name}.json`))
        ? [
            {
              where: `shared/policy/cases/${name}.json`,
              name,
              inputs: (JSON.parse(readFileSync(join(shared, `${name}.json`), 'utf8')) as { input: unknown }[]).map(
                (c) => c.input,
              ),
            },
          ]
        : []),
    ]);
    const found = caseSets.flatMap(({ where, name, inputs }) =>
      evaluateBody(rules.get(name)!, inputs, params).flatMap((decision) =>
        collectLegalBases(decision).map((c) => ({
          where: `${where} ${String(decision.id)} ${c.path}`,
          legalBasis: c.legalBasis,
        })),
      ),
    );
    for (const name of rules.keys())
      expect(
        found.some((f) => f.where.startsWith(`policy/cases/${name} `)),
        `${name} 的案例没有产生任何轨迹`,
      ).toBe(true);
    expect(problemsOf(found)).toEqual([]);
  });

  it('in the comments, messages and pages of src/ and web/src/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const sources = [...files(join(root, 'src')), ...files(join(root, 'web/src'))];
    expect(sources.length).toBeGreaterThan(100);
    const problems = sources.flatMap((path) =>
      textCitationProblems(book, readFileSync(path, 'utf8')).map(
        ({ line, problem }) => `${relative(root, path)}:${line} ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});

describe('policy/law/map.yaml', () => {
  const map = loadArticleMap();

  it('maps every article to rules or workflows, or gives the reason it is not coded, naming only existing rules', () => {
    expect(articleMapProblems(book, map, [...rules.keys()])).toEqual([]);
  });

  it('names only files and folders that exist', () => {
    expect(mappedPaths(map).filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('reports an article left out, an article that does not exist and a rule that does not exist', () => {
    const { 第九条: _left, ...rest } = map['鲁人社发〔2024〕8号']!;
    const broken = { ...map, '鲁人社发〔2024〕8号': { ...rest, 第十条: { rules: ['no-such-rule'] } } };
    expect(articleMapProblems(book, broken, [...rules.keys()])).toEqual([
      'map.yaml：鲁人社发〔2024〕8号 没有第十条',
      'map.yaml：鲁人社发〔2024〕8号 第十条 的规则 no-such-rule 不存在',
      'map.yaml：缺少 鲁人社发〔2024〕8号 第九条（须列出规则、流程或不编码的原因）',
    ]);
  });

  it('is what docs/POLICY.md shows (run npm run docs:policy after changing it)', () => {
    const { current, generated } = policyDocument();
    expect(current).toContain(
      '| 第二条 | 延续实施失业保险稳岗返还政策 | `job-retention-refund`<br>`enterprise-size` | `job-retention-refund.yaml` |',
    );
    expect(current, 'docs/POLICY.md 的条款表与 policy/law/map.yaml 不一致：请运行 npm run docs:policy').toBe(generated);
  });
});
