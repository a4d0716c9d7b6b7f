// The server's API (shared/api/README.md): JSON over fetch with the
// member's token; every change carries its own Idempotency-Key, so a retry
// after a lost answer is applied once.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const token = () => localStorage.getItem('token');

export async function api(path, { method = 'GET', body, keyed = false } = {}) {
  const headers = {};
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (keyed) headers['Idempotency-Key'] = crypto.randomUUID();
  const res = await fetch(`/api/v1${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const e = json.error || {};
    throw new ApiError(res.status, e.code || 'UNAVAILABLE', e.message || res.statusText);
  }
  return json;
}

// The raw text of a GET, for answers the wasm module reads itself.
export async function apiText(path) {
  const res = await fetch(`/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token()}` },
  });
  if (!res.ok) throw new ApiError(res.status, 'UNAVAILABLE', res.statusText);
  return res.text();
}
