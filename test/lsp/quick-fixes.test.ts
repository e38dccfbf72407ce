/**
 * Quick fixes over JSON-RPC: the client sends back the diagnostics it got, the server answers code actions.
 * Each fix is applied to the text and the result is checked again by the server, so a test proves the fix
 * really clears the finding (and does not trade it for another).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDiagnostics, sessionPerSuite } from './harness.js';

describe('quick fixes over stdio', () => {
  const session = sessionPerSuite();

  /** Opens `text`, waits for its diagnostics and asks for the code actions of the first finding with `code`. */
  async function actionsFor(text: string, code: string): Promise<{ uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const uri = session().uri('quick-fix');
    await session().open(uri, text);
    const published = await session().waitForDiagnostics(uri, 1);
    const diagnostic = published.diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `a ${code} finding in:\n${formatDiagnostics(published).join('\n')}`);
    const answer = await session().connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const actions = (answer ?? []).filter((action): action is CodeAction => 'edit' in action || 'kind' in action);
    return { uri, diagnostic, actions };
  }

  /** The text after applying the action's edits. */
  function apply(text: string, uri: string, action: CodeAction): string {
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits?.length, `edits in ${JSON.stringify(action)}`);
    return TextDocument.applyEdits(TextDocument.create(uri, 'routeros', 1, text), edits);
  }

  /** The findings the server reports for `text`, as `code: message` lines. */
  async function findings(text: string): Promise<string[]> {
    const uri = session().uri('quick-fix-result');
    await session().open(uri, text);
    const published = await session().waitForDiagnostics(uri, 1);
    return formatDiagnostics(published);
  }

  test('a misspelt parameter is replaced by the one meant', async () => {
    const text = '/interface pppoe-client add interface=ether1 user=isp add-defualt-route=yes\n';
    const { uri, actions } = await actionsFor(text, 'unknown-parameter');
    const fix = actions.find((action) => action.title === 'Change to `add-default-route`');
    assert.ok(fix, actions.map((action) => action.title).join(', '));
    assert.equal(fix.isPreferred, true);
    const fixed = apply(text, uri, fix);
    assert.equal(fixed, '/interface pppoe-client add interface=ether1 user=isp add-default-route=yes\n');
    assert.deepEqual(await findings(fixed), []);
  });

  test('a parameter of another menu moves the line there when the rest of the line fits', async () => {
    // `authentication` is a PPPoE server setting; `interface` exists in /interface pppoe-server server too.
    const text = '/interface pppoe-client add interface=ether1 authentication=mschap2\n';
    const { uri, diagnostic, actions } = await actionsFor(text, 'unknown-parameter');
    assert.match(String(diagnostic.message), /belongs to `\/interface pppoe-server server`/);
    const titles = actions.map((action) => action.title);
    const move = actions.find((action) => action.title === 'Move this line to /interface pppoe-server server');
    assert.ok(move, titles.join(', '));
    assert.ok(!titles.some((title) => title.startsWith('Remove')), titles.join(', '));
    const fixed = apply(text, uri, move);
    assert.equal(fixed, '/interface pppoe-server server add interface=ether1 authentication=mschap2\n');
    assert.deepEqual(await findings(fixed), []);
  });

  test('in export style the move puts the target menu in front of the command', async () => {
    const text = '/ppp secret\nadd name=office only-one=yes\n';
    const { uri, actions } = await actionsFor(text, 'unknown-parameter');
    const move = actions.find((action) => action.title === 'Move this line to /ppp profile');
    assert.ok(move, actions.map((action) => action.title).join(', '));
    const fixed = apply(text, uri, move);
    assert.equal(fixed, '/ppp secret\n/ppp profile add name=office only-one=yes\n');
    assert.deepEqual(await findings(fixed), []);
  });

  test('no move when other arguments of the line do not exist in the target menu: remove the parameter instead', async () => {
    // Moved to /interface pppoe-server server, `user` would be unknown there: moving only trades errors.
    const text = '/interface pppoe-client add interface=ether1 user=a authentication=mschap2\n';
    const { uri, actions } = await actionsFor(text, 'unknown-parameter');
    const titles = actions.map((action) => action.title);
    assert.ok(!titles.some((title) => title.startsWith('Move')), titles.join(', '));
    const remove = actions.find((action) => action.title.startsWith('Remove `authentication`'));
    assert.ok(remove, titles.join(', '));
    const fixed = apply(text, uri, remove);
    assert.equal(fixed, '/interface pppoe-client add interface=ether1 user=a\n');
    assert.deepEqual(await findings(fixed), []);
  });

  test('a PPP secret with a profile-only setting and a password is not moved to /ppp profile', async () => {
    const text = '/ppp secret\nadd name=alice password=a1 only-one=yes service=pppoe\n';
    const { uri, actions } = await actionsFor(text, 'unknown-parameter');
    const titles = actions.map((action) => action.title);
    assert.ok(!titles.some((title) => title.startsWith('Move')), titles.join(', '));
    const remove = actions.find((action) => action.title.startsWith('Remove `only-one`'));
    assert.ok(remove, titles.join(', '));
    assert.equal(apply(text, uri, remove), '/ppp secret\nadd name=alice password=a1 service=pppoe\n');
  });
});
