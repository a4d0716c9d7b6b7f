// The phone's member codes (web/app/js/code.js, Web Crypto) against
// shared/vectors/member_codes.json, the file the native signer is tested
// on (tests/auth/member_code_test.cc): the same secret gives the same code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kWindowSeconds, memberCode } from '../app/js/code.js';

const shared = process.env.ATRIUM_SHARED_DIR ?? new URL('../../shared', import.meta.url).pathname;
const v = JSON.parse(readFileSync(`${shared}/vectors/member_codes.json`, 'utf8'));

test('the phone makes the codes of the vectors', async () => {
  assert.equal(kWindowSeconds, v.window_seconds);
  assert.ok(v.codes.length > 0);
  for (const c of v.codes) {
    const secrets = [{ day: c.expect.day, secret: c.expect.secret }];
    const code = await memberCode(c.member, secrets, c.now_unix * 1000);
    assert.equal(code?.text, c.expect.text, c.why);
    assert.equal(code.expiresMs, c.expect.expires_unix * 1000, c.why);
  }
});

test('without the day\'s secret the phone makes no code', async () => {
  const c = v.codes[0];
  const secrets = [{ day: c.expect.day + 1, secret: c.expect.secret }];
  assert.equal(await memberCode(c.member, secrets, c.now_unix * 1000), null);
});
