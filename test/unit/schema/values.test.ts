/**
 * Value checks by type and by pattern validator, on values from real RouterOS lines: what RouterOS takes passes,
 * what it refuses gets a message that says what to write, and a range written backwards is a doubtful value.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { either, int, oneOf, pattern, time } from '../../../server/src/schema/data/build.js';
import { ipv4Value } from '../../../server/src/schema/values/ipv4.js';
import { PATTERN_CHECKS } from '../../../server/src/schema/values/patterns.js';
import { formatDuration } from '../../../server/src/schema/values/time.js';
import { checkValue, findValueProblem } from '../../../server/src/schema/values/values.js';

/** Checks `good` values pass and `bad` ones fail with a message matching `message`. */
function expect(name: string, good: readonly string[], bad: readonly string[], message?: RegExp): void {
  const type = pattern(name);
  for (const value of good) assert.equal(checkValue(value, type, name), undefined, `${name}=${value} should pass`);
  for (const value of bad) {
    const problem = findValueProblem(value, type, name);
    assert.ok(problem && !problem.doubtful, `${name}=${value} should be refused`);
    if (message) assert.match(problem.message, message, value);
  }
}

describe('pattern validators', () => {
  test('hex-string: host-uniq=0a1b2c', () => {
    expect('hex-string', ['0a1b2c', 'DEADBEEF', '0'], ['zz!', '0x1g', 'hello'], /hexadecimal digits/);
  });

  test('ipsec-policy: in|out, then ipsec|none', () => {
    expect('ipsec-policy', ['in,ipsec', 'out,none', 'in,none'], ['sideways', 'in', 'in,ipsec,extra', 'up,ipsec'], /in or out, then ipsec or none/);
  });

  test('psd: weight threshold, delay threshold (a time), low and high port weights', () => {
    expect('psd', ['21,3s,3,1', '21,3,3,1', '10,1m,2,1'], ['hello', '21,3s,3', '21,soon,3,1', '21,3s,3,1,9'], /weight,delay,low-port-weight,high-port-weight/);
  });

  test('ip-ranges: addresses, a-b ranges and prefixes, comma separated', () => {
    expect('ip-ranges', ['10.0.0.2-10.0.0.254', '192.168.88.10-192.168.88.254,10.1.0.0/24', '10.5.5.5'], ['garbage', '10.0.0.1-10.0.0.300', '10.0.0.0/33'], /address, range or prefix/);
    const backwards = findValueProblem('10.0.0.5-10.0.0.1', pattern('ip-ranges'), 'ranges');
    assert.equal(backwards?.doubtful, true);
    assert.match(backwards?.message ?? '', /10\.0\.0\.1-10\.0\.0\.5/);
  });

  test('time-window: times of day from 0s to 1d, start before end', () => {
    expect('time-window', ['8h-16h,mon,tue,wed,thu,fri', '0s-1d', '07:30:00-18:00:00,sat'], ['25h-26h', '8h-25h', '8h-16h,someday'], undefined);
    assert.match(checkValue('25h-26h', pattern('time-window'), 'time') ?? '', /not a time of day: time takes times from 0s to 1d/);
    const reversed = findValueProblem('8h-7h', pattern('time-window'), 'time');
    assert.equal(reversed?.doubtful, true);
    assert.match(reversed?.message ?? '', /starts after it ends/);
  });

  test('port-list: a port range written backwards is doubtful, a port above 65535 refused', () => {
    expect('port-list', ['80,443', '8000-8100', '0-65535'], ['80-65536', 'http', '1-2-3'], /port or port range/);
    const reversed = findValueProblem('8080-80', pattern('port-list'), 'dst-port');
    assert.deepEqual(reversed, { message: '`8080-80` starts above where it ends: write the lower end first for dst-port (80-8080)', doubtful: true });
  });

  test('dst-limit: the expiry after the mode is a time', () => {
    expect('dst-limit', ['10/1m,5,src-address/1h', '10,5,dst-address', '50/1s,10'], ['10,5,src-address/zzz', '10,5,nowhere'], undefined);
    assert.match(checkValue('10,5,src-address/zzz', pattern('dst-limit'), 'dst-limit') ?? '', /expiry after `\/` in dst-limit must be a time/);
  });

  test('connection-limit: count and an IPv4 netmask of 0..32', () => {
    expect('connection-limit', ['100,32', '10,24', '5'], ['10,99', '10,33', 'many'], undefined);
    assert.match(checkValue('10,99', pattern('connection-limit'), 'connection-limit') ?? '', /prefix length, 0\.\.32/);
  });

  test('every validator refuses an empty value and never throws on odd input', () => {
    for (const [name, check] of Object.entries(PATTERN_CHECKS)) {
      for (const odd of ['-', ',', '/', ':', '--', '9'.repeat(40), '\u0000', '1-', '-1']) assert.doesNotThrow(() => check(odd, name), `${name} on ${JSON.stringify(odd)}`);
    }
  });
});

describe('IPv4 literals (facts A.6)', () => {
  test('two to four parts; a short form fills the low octets', () => {
    assert.equal(ipv4Value('10.1'), ipv4Value('10.0.0.1'));
    assert.equal(ipv4Value('2.1.1'), ipv4Value('2.1.0.1'));
    assert.equal(ipv4Value('192.168.88.1'), ((192 * 256 + 168) * 256 + 88) * 256 + 1);
    for (const bad of ['10', '1.256', '1.2.3.4.5', '01.2.3.4x', '']) assert.equal(ipv4Value(bad), undefined, bad);
  });

  test('/ip address add address=10.1 and mangle src-address=10.1 are addresses', () => {
    assert.equal(checkValue('10.1', { kind: 'ipv4Prefix' }, 'address'), undefined);
    assert.equal(checkValue('10.1/8', { kind: 'ipv4Prefix' }, 'address'), undefined);
    assert.equal(checkValue('10.1', { kind: 'ipv4Match', negatable: true }, 'src-address'), undefined);
    assert.equal(checkValue('!10.1-10.9', { kind: 'ipv4Match', negatable: true }, 'src-address'), undefined);
    assert.match(checkValue('10.1.300', { kind: 'ipv4' }, 'gateway') ?? '', /not an IPv4 address/);
  });

  test('an address range written backwards is doubtful', () => {
    const problem = findValueProblem('10.0.0.5-10.0.0.1', { kind: 'ipv4Match', negatable: true }, 'dst-address');
    assert.equal(problem?.doubtful, true);
  });
});

describe('messages', () => {
  test('durations print with units, as RouterOS prints them', () => {
    assert.equal(formatDuration(21474836), '35w3d13h13m56s');
    assert.equal(formatDuration(86400), '1d');
    assert.equal(formatDuration(0), '0s');
    assert.equal(checkValue('99w', time({ min: 0, max: 21474836 }), 'address-list-timeout'), '`99w` is out of range: address-list-timeout takes 0s..35w3d13h13m56s');
  });

  test('an open-ended range says "or more", not "..…"', () => {
    assert.equal(checkValue('-5', int(0), 'limit-bytes-in'), '`-5` is out of range: limit-bytes-in takes 0 or more');
    assert.equal(checkValue('x', int(0), 'limit-bytes-in'), '`x` is not a number: limit-bytes-in takes an integer (0 or more)');
    assert.equal(checkValue('x', int(), 'n'), '`x` is not a number: n takes an integer');
  });

  test('a value of neither form names both: protocol=256', () => {
    const protocol = either(oneOf(['dccp', 'ddp', 'egp', 'tcp', 'udp'], { negatable: true }), int(0, 255, { negatable: true }));
    assert.equal(checkValue('256', protocol, 'protocol'), '`256` is not valid for protocol: expected a name (dccp, ddp, egp, ...) or 0..255');
    assert.equal(checkValue('17', protocol, 'protocol'), undefined);
    assert.equal(checkValue('!tcp', protocol, 'protocol'), undefined);
  });
});
