import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AUDIT_CSV_COLUMNS,
  escapeCsvCell,
  formatAuditCsv,
  formatCsvRecord,
  UTF8_BOM,
} from './format-audit-csv.js';
import type { AuditEvent } from './present-audit-event.js';

describe('CSV cells and records', () => {
  it('leaves plain text, Japanese included, as it is', () => {
    assert.equal(escapeCsvCell('account.sign-in'), 'account.sign-in');
    assert.equal(escapeCsvCell('山田 太郎'), '山田 太郎');
    assert.equal(escapeCsvCell('\uFA19'), '\uFA19', 'never normalised');
    assert.equal(escapeCsvCell(''), '');
  });

  it('quotes cells with commas, quotes or line breaks (RFC 4180), doubling quotes', () => {
    assert.equal(escapeCsvCell('Yamada, Taro'), '"Yamada, Taro"');
    assert.equal(escapeCsvCell('say "hi"'), '"say ""hi"""');
    assert.equal(escapeCsvCell('line 1\nline 2'), '"line 1\nline 2"');
    assert.equal(escapeCsvCell('line 1\r\nline 2'), '"line 1\r\nline 2"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    assert.equal(escapeCsvCell('=1+1'), "'=1+1");
    assert.equal(escapeCsvCell('+81 3 1234'), "'+81 3 1234");
    assert.equal(escapeCsvCell('-2+3'), "'-2+3");
    assert.equal(escapeCsvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(escapeCsvCell('\tx'), "'\tx");
    assert.equal(escapeCsvCell('\rx'), '"\'\rx"');
    assert.equal(
      escapeCsvCell('=HYPERLINK("https://evil.example/","x")'),
      '"\'=HYPERLINK(""https://evil.example/"",""x"")"',
    );
    // Only the first character counts.
    assert.equal(escapeCsvCell('a=b'), 'a=b');
  });

  it('ends every record with CRLF and writes null as an empty cell', () => {
    assert.equal(formatCsvRecord(['a', null, 'b,c']), 'a,,"b,c"\r\n');
  });
});

describe('formatAuditCsv', () => {
  const event: AuditEvent = {
    id: 'e-1',
    occurredAt: '2025-04-01T00:00:00.000Z',
    action: 'badge.issue',
    actor: { type: 'api-key', apiKeyId: 'k-1', keyPrefix: 'akashi_abcde', name: '連携キー' },
    organisationId: 'o-1',
    target: { type: 'credential', id: 'c-1' },
    details: { count: 2 },
    ip: null,
    requestId: 'r-1',
  };
  const collect = async (language: 'en' | 'ja', events: AuditEvent[]) => {
    let text = '';
    const source = (async function* () {
      await Promise.resolve();
      yield* events;
    })();
    for await (const chunk of formatAuditCsv(source, language)) text += chunk;
    return text;
  };

  it('starts with the BOM and an English header row, then one record per event', async () => {
    const text = await collect('en', [event]);
    assert.ok(text.startsWith(UTF8_BOM));
    assert.deepEqual(text.slice(1).split('\r\n'), [
      'Occurred at (UTC),Action,Actor type,User ID,E-mail,Display name,API key ID,API key prefix,API key name,Organisation ID,Target type,Target ID,Details (JSON),IP address,Request ID,Event ID',
      '2025-04-01T00:00:00.000Z,badge.issue,api-key,,,,k-1,akashi_abcde,連携キー,o-1,credential,c-1,"{""count"":2}",,r-1,e-1',
      '',
    ]);
  });

  it('has a Japanese header row with lang ja, one heading per column', async () => {
    const text = await collect('ja', []);
    assert.equal(
      text,
      `${UTF8_BOM}日時 (UTC),操作,実行者の種別,ユーザー ID,メールアドレス,表示名,API キー ID,API キー接頭辞,API キー名,組織 ID,対象の種別,対象 ID,詳細 (JSON),IP アドレス,リクエスト ID,イベント ID\r\n`,
    );
    assert.equal(new Set(AUDIT_CSV_COLUMNS.map((column) => column.ja)).size, 16);
  });
});
