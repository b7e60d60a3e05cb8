import { containsPattern, likeCondition, likeLiteral } from './like';

describe('LIKE patterns', () => {
  it('lower-case the text and escape the wildcards and the escape character, so they match themselves', () => {
    expect(likeLiteral('Huawei')).toBe('huawei');
    expect(likeLiteral('50%_off\\x')).toBe('50\\%\\_off\\\\x');
    expect(containsPattern('A_b')).toBe('%a\\_b%');
  });

  it('name the escape character the patterns are written for', () => {
    expect(likeCondition('e.search_text', 'q')).toBe("e.search_text LIKE @q ESCAPE '\\'");
  });
});
