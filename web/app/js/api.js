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

// The server's clock, from the Date of its answers: a phone whose own is
// off by more than a few seconds makes its member codes on the server's
// (which accepts a code of its current window or the one before; the
// header's whole seconds keep the estimate behind, never ahead).
function noteClock(res) {
  const date = Date.parse(res.headers.get('Date') || '');
  if (Number.isNaN(date)) return;
  const offset = date - Date.now();
  localStorage.setItem('clock_offset', String(Math.abs(offset) >= 5000 ? offset : 0));
}
export const serverNow = () => Date.now() + Number(localStorage.getItem('clock_offset') || 0);

export async function api(path, { method = 'GET', body, keyed = false } = {}) {
  const headers = {};
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (keyed) headers['Idempotency-Key'] = crypto.randomUUID();
  const res = await fetch(`/api/v1${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  noteClock(res);
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
  noteClock(res);
  if (!res.ok) throw new ApiError(res.status, 'UNAVAILABLE', res.statusText);
  return res.text();
}
