// Answers every route shares: a Chinese error body, a file download (from memory, or written to a temporary file and
// streamed from disk), and one uploaded file saved for a service.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The content type of an .xlsx download. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).send({ error: { code, message } });
}

export function sendAttachment(reply: FastifyReply, fileName: string, contentType: string, body: Buffer | Readable) {
  const extension = fileName.split('.').pop() ?? 'bin';
  return reply
    .type(contentType)
    .header(
      'content-disposition',
      `attachment; filename="download.${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(body);
}

/**
 * Has `write` make the file in a temporary folder, then streams it as the download and removes the folder once the
 * stream closes (sent or aborted). An error from `write` is thrown before anything is sent, so the route can answer it.
 */
export async function sendWrittenFile(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  write: (path: string) => Promise<unknown>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'wengang-download-'));
  const path = join(dir, 'download');
  try {
    await write(path);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stream = createReadStream(path);
  stream.once('close', () => void rm(dir, { recursive: true, force: true }));
  return sendAttachment(reply, fileName, contentType, stream);
}

const EMPTY_FILE_MESSAGE = '上传的文件是空文件（0 字节），请选择填写好的 .xlsx 或 .csv 文件后重新上传';

/** Bytes examined to tell a text (CSV) file from a binary one. */
const SNIFF_BYTES = 8192;

/** An XLSX (a zip) or a CSV (text without NUL bytes); anything else is refused before it is read. */
async function looksLikeTable(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 4).toString('hex') === '504b0304') return true;
    return !head.includes(0);
  } finally {
    await file.close();
  }
}

export interface SavedUpload {
  path: string;
  fileName: string;
}

/**
 * Saves the request's single uploaded file in a temporary folder, hands it to `work` and removes it afterwards.
 * A request that is not multipart, has no file, exceeds the plugin's size limit, is empty or is neither an XLSX nor a
 * CSV (text) file is answered here in Chinese.
 */
export async function withUploadedFile<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  limits: { maxBytes: number; tooLarge: string },
  work: (upload: SavedUpload) => Promise<T>,
): Promise<T | FastifyReply> {
  if (!request.isMultipart()) return fail(reply, 415, 'NOT_MULTIPART', '请以 multipart/form-data 上传文件');
  const upload = await request.file();
  if (!upload) return fail(reply, 400, 'NO_FILE', '请求中没有文件');
  const dir = await mkdtemp(join(tmpdir(), 'wengang-upload-'));
  try {
    const path = join(dir, 'upload');
    try {
      await pipeline(upload.file, createWriteStream(path));
    } catch (error) {
      if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    }
    if (upload.file.truncated)
      return fail(reply, 413, 'FILE_TOO_LARGE', `${limits.tooLarge}（上限 ${Math.floor(limits.maxBytes / 1024 / 1024)} MB）`);
    if ((await stat(path)).size === 0) return fail(reply, 400, 'EMPTY_FILE', EMPTY_FILE_MESSAGE);
    if (!(await looksLikeTable(path))) {
      return fail(reply, 415, 'UNSUPPORTED_FILE', '只能上传 .xlsx 或 .csv 文件（Excel 97-2003 的 .xls 请先另存为 .xlsx）');
    }
    return await work({ path, fileName: upload.filename || 'upload' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
