// The rotating member code, made on the phone so that it works offline:
// "ATM1.<member>.<window>.<mac>", the window the 30-second step of now, the
// mac the first 10 bytes of HMAC-SHA256(code secret, "<member>.<window>")
// in hex (server/auth/member_code.h), by the browser's Web Crypto.
export const kWindowSeconds = 30;

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function memberCode(member, secret, nowMs) {
  const window = Math.floor(nowMs / 1000 / kWindowSeconds);
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
