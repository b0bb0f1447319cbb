// Calls to the server's API: JSON in and out, refusals raised as ApiError with the server's Chinese message, and the
// signed-in member of staff added to every staff action as `user` and `role` (until sign-in arrives).
import { currentStaff } from './session.ts';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export const ROUND = '2024';

interface CallOptions {
  method?: 'GET' | 'POST';
  body?: Record<string, unknown>;
  /** Adds `user` and `role` of the signed-in member of staff to the body. */
  asStaff?: boolean;
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

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const staff = currentStaff();
  const body = options.asStaff && staff ? { ...options.body, user: staff.name, role: staff.role } : options.body;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as T;
}

/** Uploads one file as multipart/form-data; a rejected import (422) is returned, not thrown, with its errors. */
export async function upload<T>(path: string, file: File): Promise<{ ok: boolean; status: number; body: T }> {
  const form = new FormData();
  form.append('file', file);
  const staff = currentStaff();
  const response = await fetch(`/api/v1${path}`, { method: 'POST', body: form, headers: staff ? { 'x-wengang-user': encodeURIComponent(staff.name) } : {} });
  if (!response.ok && response.status !== 422) throw await refusal(response);
  return { ok: response.ok, status: response.status, body: (await response.json()) as T };
}

/** The query string of the defined values. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
