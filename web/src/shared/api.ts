// Calls to the server's API: JSON in and out, refusals raised as ApiError with the server's Chinese message, the
// session's CSRF token sent with every change, and the sign-in helpers for staff, units and persons.
import { currentSession, rememberSession, sessionRefused, type Session } from './session.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const ROUND = '2024';
const CSRF_HEADER = 'x-csrf-token';

interface CallOptions {
  method?: 'GET' | 'POST';
  body?: Record<string, unknown>;
}

async function refusal(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (parsed.error?.message) return new ApiError(response.status, parsed.error.code ?? 'ERROR', parsed.error.message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(response.status, 'HTTP', `服务器返回错误（${response.status}），请稍后重试`);
}

function csrfHeaders(): Record<string, string> {
  const session = currentSession();
  return session ? { [CSRF_HEADER]: session.csrfToken } : {};
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 401) sessionRefused();
  return response;
}

/** A JSON request (POST when it has a body); a refusal is thrown as ApiError. */
async function call(path: string, options: CallOptions): Promise<Response> {
  const { body } = options;
  const method = options.method ?? (body ? 'POST' : 'GET');
  const response = await send(path, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(method === 'GET' ? {} : csrfHeaders()) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw await refusal(response);
  return response;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  return (await (await call(path, options)).json()) as T;
}

/** Uploads files (and form fields) as multipart/form-data; a rejected upload (422) is returned, not thrown, with its errors. */
export async function upload<T>(
  path: string,
  files: File | Record<string, File>,
  fields: Record<string, string> = {},
): Promise<{ ok: boolean; status: number; body: T }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (files instanceof File) form.append('file', files);
  else for (const [name, file] of Object.entries(files)) form.append(name, file);
  const response = await send(path, { method: 'POST', body: form, headers: csrfHeaders() });
  if (!response.ok && response.status !== 422) throw await refusal(response);
  return { ok: response.ok, status: response.status, body: (await response.json()) as T };
}

/** The file name a download is offered under (RFC 5987 `filename*` first), or the fallback. */
function attachmentName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches a file the server sends as an attachment (GET, or POST with a JSON body and the CSRF token) and saves it
 * under the server's file name; returns that name and the response headers (e.g. a checksum).
 */
export async function download(path: string, options: CallOptions = {}): Promise<{ fileName: string; headers: Headers }> {
  const response = await call(path, options);
  const fileName = attachmentName(response.headers.get('content-disposition'), '下载文件');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { fileName, headers: response.headers };
}

/** The session the cookie carries, or undefined when signed out or expired. */
export async function loadSession(): Promise<Session | undefined> {
  const response = await send('/session', { method: 'GET' });
  const session = response.ok ? ((await response.json()) as Session) : undefined;
  rememberSession(session);
  return session;
}

/** Signs in (staff with a password; units and persons with an SMS code) and loads the new session. */
export async function signIn(
  path: '/session/staff' | '/session/unit' | '/session/person',
  body: Record<string, string>,
): Promise<Session> {
  await api(path, { body });
  const session = await loadSession();
  if (!session) throw new ApiError(401, 'UNAUTHENTICATED', '登录未成功，请重试');
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await api('/session/sign-out', { body: {} });
  } finally {
    rememberSession(undefined);
  }
}

/** The query string of the defined values. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
