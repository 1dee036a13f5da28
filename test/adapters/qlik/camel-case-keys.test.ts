import { describe, expect, it } from 'vitest';
import { camelCaseKeys } from '../../../src/adapters/qlik/camel-case-keys.js';

describe('camelCaseKeys', () => {
  it.for([
    {
      name: 'PascalCase, deeply',
      input: [{ SessionId: 'a', User: { UserId: 'x' } }],
      output: [{ sessionId: 'a', user: { userId: 'x' } }],
    },
    { name: 'camelCase unchanged', input: { sessionID: 'a', prefix: '' }, output: { sessionID: 'a', prefix: '' } },
    {
      name: 'the camelCase twin wins',
      input: { SessionId: 'pascal', sessionId: 'camel' },
      output: { sessionId: 'camel' },
    },
    {
      name: 'the camelCase twin wins in either order',
      input: { sessionId: 'camel', SessionId: 'pascal' },
      output: { sessionId: 'camel' },
    },
    { name: 'scalars and null', input: [null, 1, 'Text'], output: [null, 1, 'Text'] },
  ])('reads $name', ({ input, output }) => {
    expect(camelCaseKeys(input)).toEqual(output);
  });
});
