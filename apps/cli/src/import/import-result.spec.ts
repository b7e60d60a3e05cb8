import { emptyTally, formatSummary } from './import-result';

describe('formatSummary', () => {
  it('prints the counts, then each rejected row in file order', () => {
    const tally = { ...emptyTally(), added: 3, unchanged: 1, skipped: 2 };
    tally.rejected.push(
      { at: 'csl:EL:9 (absent from the file)', order: Number.MAX_SAFE_INTEGER, reason: 'not-listed' },
      { at: 'line 7', order: 7, reason: 'name is empty' },
      { at: 'line 3', order: 3, reason: 'unknown country "XX"' },
    );
    expect(formatSummary('csl', tally)).toBe(
      'csl: added 3, amended 0, removed 0, unchanged 1, rejected 3, skipped 2\n' +
        'line 3: unknown country "XX"\nline 7: name is empty\ncsl:EL:9 (absent from the file): not-listed\n',
    );
  });
});
