// Commands, paths, arguments, blocks and arrays: a script in, a compact tree sketch out (see helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScript } from '../../../server/src/core/parse.js';
import { problemLines, sketch } from './helpers.js';

/** [script, sketch of its tree]; every case must also parse without problems. */
const VALID: [string, string][] = [
  ['/ip firewall mangle add chain=prerouting action=mark-connection passthrough=yes',
    '/ip firewall mangle add chain=prerouting action=mark-connection passthrough=bool:yes'],
  ['/ip/firewall/mangle/add chain=prerouting', '/ip/firewall/mangle/add chain=prerouting'],
  ['/ip address\nadd address=192.168.88.1/24 interface=ether1 comment="LAN"',
    '/ip address; add address=ipPrefix:192.168.88.1/24 interface=ether1 comment="LAN"'],
  ['/ip address\r\nadd address=10.1 \\\r\n    interface=ether1\r\n', '/ip address; add address=ip:10.1 interface=ether1'],
  ['/ip address\radd address=10.0.0.1\r', '/ip address; add address=ip:10.0.0.1'],
  ['.. filter print', '.. filter print'],
  ['/', '/'],
  ['/ip firewall filter { add chain=input; add chain=forward }', '/ip firewall filter block{add chain=input; add chain=forward}'],
  ['/interface set [find default-name=ether1] name=wan !comment disabled=',
    '/interface set [find default-name=ether1] name=wan !comment disabled='],
  ['/ip route print where dst-address=0.0.0.0/0 and !disabled',
    '/ip route print where (and (= dst-address ipPrefix:0.0.0.0/0) (!disabled))'],
  ['print where disabled', 'print where disabled'],
  ['/ip route print detail where static', '/ip route print detail where static'],
  // Conditions side by side after `where` must all hold (seen in many working scripts).
  [':put [/ip route find where gateway="x" !disabled]', ':put [/ip route find where (and (= gateway "x") (!disabled))]'],
  ['/ip service set telnet disabled=yes', '/ip service set telnet disabled=bool:yes'],
  ['/interface print detail as-value', '/interface print detail as-value'],
  ['/file remove [find name~"backup"]', '/file remove [find concat(name~ "backup")]'],
  ['set 0 !port chain=blah2 !nth', 'set 0 !port chain=blah2 !nth'],
  ['add comment=#x name=a#b', 'add comment=#x name=a#b'],
  ['add key=YWJj== name=x', 'add key=YWJj== name=x'],
  ['add name= value', 'add name=value'],
  [':local a {1;2;3}', ':local a array{number:1; number:2; number:3}'],
  [':local m {k="v";"aX"=1}', ':local m array{k="v"; "aX"=number:1}'],
  [':global f do={ :return ($a + $b) }', ':global f do={:return ((+ $a $b))}'],
  ['$f a=1 b=2', 'call $f a=number:1 b=number:2'],
  ['$f "x"', 'call $f "x"'],
  [':put [$f "x"]', ':put [call $f "x"]'],
  [':foreach k,v in={a=1;b=2} do={ :put "$k=$v" }', ':foreach k,v in=array{a=number:1; b=number:2} do={:put "$k=$v"}'],
  [':do { :put 1 } on-error={ :put 2 }', ':do {:put 1} on-error={:put 2}'],
  [':do { :set i ($i + 1) } while=($i < 10)', ':do {:set i ((+ $i number:1))} while=((< $i number:10))'],
  [':for i from=1 to=10 step=2 do={ :put $i }', ':for i from=number:1 to=number:10 step=number:2 do={:put $i}'],
  [':for i from= 1 to= 2 do={ :put $i }', ':for i from=number:1 to=number:2 do={:put $i}'],
  [':onerror e in={ :error "boom" } do={ :put "caught $e" }', ':onerror e in={:error "boom"} do={:put "caught $e"}'],
  [':retry command={ :put 1 } delay=1 max=3', ':retry command={:put 1} delay=number:1 max=number:3'],
  ['local x 1; if ($x = 1) do={ put ok }', 'local x 1; if ((= $x number:1)) do={put ok}'],
  [': local x 1', ':local x 1'],
  [':if($x) do={}', ':if ($x) do={}'],
  ['{ :local x 1; :put $x }', '{:local x 1; :put $x}'],
  [':global y #test', ':global y flag:#test'],
  [':put #test', ':put flag:#test'],
  ['/ppp secret add name=pppoe-$user password=($a . "x")', '/ppp secret add name=concat(pppoe- $user) password=((. $a "x"))'],
  [':log info "x"; :delay 1h30m', ':log info "x"; :delay 1h30m'],
  [':if (1) do={}', ':if (number:1) do={}'],
  [':time { :delay 1s }', ':time {:delay 1s}'],
  ['/system scheduler add name=x on-event={ :put 1 }', '/system scheduler add name=x on-event={:put 1}'],
  [':put ({1;2}, 3)', ':put ((, array{number:1; number:2} number:3))'],
  [':set x', ':set x'],
  [':local v [:toarray ""]', ':local v [:toarray ""]'],
  [':put (:pick $x 0 1)', ':put ([:pick $x flag:0 flag:1])'],
  [':global list {"a", "b"}', ':global list array{concat(concat("a" ,) "b")}'],
  ['# only a comment', ''],
  [':put 1; # after a semicolon\n:put 2 \\\n# inside a continued command\n  3', ':put 1; :put 2 3'],
  ['if ([:len $x] > 0) do={\n  :put 1\n} else={\n  :put 2\n}', 'if ((> [:len $x] number:0)) do={:put 1} else={:put 2}'],
];

describe('statements', () => {
  for (const [script, expected] of VALID) {
    it(JSON.stringify(script), () => {
      assert.deepEqual(problemLines(script), []);
      assert.equal(sketch(script), expected);
    });
  }

  it('records the prefix, slash path and word spans as file offsets', () => {
    const text = '  /ip/address/print';
    const statement = parseScript(text).script.statements[0]!;
    assert.equal(statement.kind, 'command');
    if (statement.kind !== 'command') return;
    assert.equal(statement.prefix, 'slash');
    assert.equal(statement.slashPath, true);
    assert.deepEqual(statement.words.map((word) => text.slice(word.span.start, word.span.end)), ['ip', 'address', 'print']);
    assert.deepEqual([statement.span.start, statement.span.end], [2, text.length]);
  });

  it('gives the colon-less global command no prefix', () => {
    const statement = parseScript('foreach i in=$list do={}').script.statements[0]!;
    assert.ok(statement.kind === 'command' && statement.prefix === undefined && statement.words[0]!.text === 'foreach');
  });

  it('keeps comments out of the tree and returns their spans', () => {
    const text = '# header\n:put 1\n  # indented\n{ # in a block\n}';
    const result = parseScript(text);
    assert.deepEqual(result.comments.map((span) => text.slice(span.start, span.end)), ['# header', '# indented', '# in a block']);
  });
});
