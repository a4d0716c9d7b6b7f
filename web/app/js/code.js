// The rotating member code, made on the phone so that it works offline:
// "ATM1.<member>.<window>.<mac>", the window the 30-second step of now, the
// mac the first 10 bytes of HMAC-SHA256(the code secret of the window's UTC
// day, "<member>.<window>") in hex (atrium/auth/member_code.h), by the
// browser's Web Crypto. The server gives a week of day secrets at a time.
export const kWindowSeconds = 30;
const kDaySeconds = 86400;

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

// The UTC day of a time, as the server counts them.
export const dayOf = (nowMs) => Math.floor(nowMs / 1000 / kDaySeconds);

// Whether `secrets` ([{day, secret}]) run short: fewer than `days` days
// left from now. The phone asks for new ones when online.
export function secretsRunShort(secrets, nowMs, days = 3) {
  const today = dayOf(nowMs);
  return !Array.isArray(secrets) || !secrets.some((s) => s.day >= today + days - 1);
}

// The code for now; null when no secret of today is held (the phone has
// been offline for days: it needs the network once).
export async function memberCode(member, secrets, nowMs) {
  const window = Math.floor(nowMs / 1000 / kWindowSeconds);
  const day = Math.floor((window * kWindowSeconds) / kDaySeconds);
  const secret = (secrets || []).find((s) => s.day === day)?.secret;
  if (!secret) return null;
  const key = await crypto.subtle.importKey('raw', fromBase64Url(secret),
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key,
    new TextEncoder().encode(`${member}.${window}`)));
  const hex = [...mac.slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    text: `ATM1.${member}.${window}.${hex}`,
    expiresMs: (window + 1) * kWindowSeconds * 1000,
  };
}
