import { describe, expect, it } from 'vitest';
import { strictJsonIssue } from './strict-json.ts';

describe('strictJsonIssue', () => {
  it('finds a key given twice, at any depth, and names the path to it', () => {
    expect(strictJsonIssue('{"a":1,"a":2}')).toMatchObject({ path: ['a'], code: 'duplicate_key' });
    expect(strictJsonIssue('{"answers":{"message":"a","x":[1,{"k":1,"k":2}]}}')).toMatchObject({ path: ['answers', 'x', 1, 'k'], code: 'duplicate_key' });
    // The same key in sibling objects, or escaped differently but equal, is what it is.
    expect(strictJsonIssue('[{"a":1},{"a":2}]')).toBeNull();
    expect(strictJsonIssue('{"a":1,"\\u0061":2}')).toMatchObject({ path: ['a'], code: 'duplicate_key' });
  });

  it('refuses a __proto__ key and a lone surrogate in a key or a value, and nothing else', () => {
    expect(strictJsonIssue('{"title":{"fi":"x","__proto__":{"sv":"y"}}}')).toMatchObject({ path: ['title', '__proto__'], code: 'forbidden_key' });
    expect(strictJsonIssue('{"title":{"fi":"a\\ud800"}}')).toMatchObject({ path: ['title', 'fi'], code: 'invalid_text' });
    expect(strictJsonIssue('{"list":["ok","\\udc00b"]}', [7])).toMatchObject({ path: [7, 'list', 1], code: 'invalid_text' });
    expect(strictJsonIssue('{"\\ud800":1}')).toMatchObject({ code: 'invalid_text' });
    // A pair is a character; quotes and backslashes inside strings are not structure.
    expect(strictJsonIssue('{"emoji":"\\ud83d\\ude00 😀","q":"a \\" } , { \\\\","constructor":"x"}')).toBeNull();
  });

  it('leaves text that is not JSON to the parser', () => {
    for (const text of ['', '{"a":', '{"a":"unterminated', 'not json', '{"a":"\\x"}']) expect(strictJsonIssue(text)).toBeNull();
  });
});
