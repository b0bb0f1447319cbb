// `wengang import <kind> <file> [--user U] [--json]`: imports a CSV (UTF-8 or GBK) or XLSX file, all or nothing.
// `wengang import template <kind> [--out F]` writes the blank .xlsx template; `wengang import kinds` lists the kinds.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeTemplate } from '../../adapters/files/write-xlsx.ts';
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../adapters/crypto/sm-field-cipher.ts';
import { importFile, type ImportProgress, type ImportResult } from '../../services/imports/import-file.ts';
import { importKinds } from '../../services/imports/kinds/index.ts';
import { dataPath } from '../../adapters/data-folder.ts';
import { CliError } from '../cli-error.ts';
import { withStore } from '../with-store.ts';
import { settings } from '../../config/settings.ts';

/** Problems printed on the terminal; the .xlsx report has them all (up to 1,000). */
const PRINTED_ERRORS = 20;
const formatCount = (n: number) => n.toLocaleString('en-US');

function kindOf(name: string | undefined) {
  const kind = name ? importKinds.get(name) : undefined;
  if (!kind) {
    const known = [...importKinds.keys()].join(', ');
    throw new CliError(
      `未知的导入类型：${name ?? '（未指定）'}；可用类型：${known}`,
      `unknown import kind: ${name ?? '(none)'}; kinds: ${known}`,
    );
  }
  return kind;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { user: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
    });
  } catch (error) {
    throw new CliError(`参数有误：${(error as Error).message}`, `bad arguments: ${(error as Error).message}`);
  }
}

/** Files smaller than this import in about a second: no progress shown. */
const PROGRESS_FROM_BYTES = 1_000_000;

/** `读取 12.5 / 80.0 MB (15%)，已读 120,000 行` on stderr: rewritten in place on a terminal, every 10% otherwise. */
function progressPrinter(out: NodeJS.WriteStream, fileBytes: number): ((progress: ImportProgress) => void) | undefined {
  if (fileBytes < PROGRESS_FROM_BYTES) return undefined;
  let lastStep = '';
  return (progress) => {
    const [done, total, label] =
      progress.phase === 'read'
        ? [
            progress.bytesRead,
            progress.totalBytes,
            `读取 ${(progress.bytesRead / 1e6).toFixed(1)} / ${(progress.totalBytes / 1e6).toFixed(1)} MB`,
          ]
        : [progress.rows, progress.totalRows, `写入 ${formatCount(progress.rows)} / ${formatCount(progress.totalRows)} 行`];
    const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
    const line = `${label} (${percent}%)${progress.phase === 'read' ? `，已读 ${formatCount(progress.rows)} 行` : ''}`;
    if (out.isTTY) {
      out.write(`\r${line}\x1b[K`);
      return;
    }
    const step = `${progress.phase}${Math.floor(percent / 10)}`;
    if (step === lastStep) return;
    lastStep = step;
    out.write(`${line}\n`);
  };
}

function summary(result: ImportResult, fileName: string, seconds: number): string {
  const title = importKinds.get(result.kind)!.spec.title;
  if (result.status === 'accepted') {
    return (
      `导入成功：${fileName}（${title}）共 ${formatCount(result.rowCount)} 行，新增 ${formatCount(result.inserted)}，` +
      `更新 ${formatCount(result.updated)}，未变化 ${formatCount(result.unchanged)}；批次号 ${result.batchId}，用时 ${seconds.toFixed(1)} 秒\n`
    );
  }
  const lines = [
    `导入失败，未写入任何数据：${fileName}（${title}）共 ${formatCount(result.rowCount)} 行，` +
      `${formatCount(result.invalidRowCount)} 行有问题，共 ${formatCount(result.errorCount)} 个问题；批次号 ${result.batchId}`,
    ...(result.fileError ? [result.fileError] : []),
    ...result.errors
      .slice(0, PRINTED_ERRORS)
      .map((e) => `  第 ${e.row} 行${e.column ? `「${e.column}」` : ''}${e.value ? `（${e.value}）` : ''}：${e.message}`),
    ...(result.errorCount > PRINTED_ERRORS
      ? [`  ……其余 ${formatCount(result.errorCount - PRINTED_ERRORS)} 个问题见错误报告`]
      : []),
    `错误报告：${result.reportPath}`,
  ];
  return `${lines.join('\n')}\n`;
}

async function runTemplate(args: string[]): Promise<number> {
  const { positionals, values } = parse(args);
  const kind = kindOf(positionals[0]);
  const out = resolve(values.out ?? `${kind.spec.title}导入模板.xlsx`);
  await writeTemplate(kind.spec, out);
  process.stdout.write(`已生成模板：${out}\n`);
  return 0;
}

function runKinds(): number {
  for (const kind of importKinds.values()) {
    process.stdout.write(`${kind.spec.kind.padEnd(22)} ${kind.spec.title}：${kind.description}\n`);
  }
  return 0;
}

export async function runImport(args: string[]): Promise<number> {
  if (args[0] === 'template') return runTemplate(args.slice(1));
  if (args[0] === 'kinds') return runKinds();
  const { positionals, values } = parse(args);
  const kind = kindOf(positionals[0]);
  const path = positionals[1];
  if (!path)
    throw new CliError('请指定要导入的文件：wengang import <类型> <文件>', 'give the file: wengang import <kind> <file>');
  const { keyRing, development } = keyRingFromEnv(settings());
  if (development) process.stderr.write('注意：未配置 WENGANG_KEYS / WENGANG_INDEX_KEY，个人信息使用开发密钥加密，仅供演示\n');
  const fileBytes = await stat(path).then(
    (info) => info.size,
    () => {
      throw new CliError(`找不到文件：${path}`, `file not found: ${path}`);
    },
  );
  const showProgress = values.json ? undefined : progressPrinter(process.stderr, fileBytes);
  const started = performance.now();
  const result = await withStore((store) =>
    importFile(store, {
      kind: kind.spec.kind,
      path: resolve(path),
      fileName: basename(path),
      actor: values.user ?? 'cli',
      cipher: new SmFieldCipher(keyRing),
      reportDir: dataPath(settings(), 'import-reports'),
      onProgress: showProgress,
    }),
  );
  if (showProgress && process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else (result.status === 'accepted' ? process.stdout : process.stderr).write(summary(result, basename(path), seconds));
  return result.status === 'accepted' ? 0 : 1;
}
