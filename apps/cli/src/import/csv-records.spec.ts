import { readCsv } from './csv-records';

describe('readCsv', () => {
  it('numbers rows by the line they start on, across blank lines and quoted newlines', () => {
    const { header, records } = readCsv('\uFEFFa,b\n1,2\n\n"x\ny",3\n4,5');
    expect(header).toEqual(['a', 'b']);
    expect(records.map((r) => [r.at, r.values])).toEqual([
      ['line 2', { a: '1', b: '2' }],
      ['line 4', { a: 'x\ny', b: '3' }],
      ['line 6', { a: '4', b: '5' }],
    ]);
  });

  it('flags a row whose field count differs from the header instead of failing the file', () => {
    const { records } = readCsv('a,b\n1\n2,3,4\n5,6\n');
    expect(records.map((r) => [r.order, r.problem])).toEqual([
      [2, 'has 1 fields, the header has 2'],
      [3, 'has 3 fields, the header has 2'],
      [4, undefined],
    ]);
  });

  it('throws on an unclosed quote, which would swallow the rest of the file', () => {
    expect(() => readCsv('a,b\n"1,2\n3,4\n')).toThrow(/Quote Not Closed/);
  });
});
