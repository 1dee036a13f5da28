import { describe, expect, it } from 'vitest';
import { qlikUserHeader } from '../../../src/adapters/qlik/qlik-user-header.js';
import { parseQlikUserName, sameQlikUser } from '../../../src/core/users/index.js';

describe('Qlik user names', () => {
  it.for([
    { text: 'CORP\\mweber', user: { directory: 'CORP', id: 'mweber' } },
    { text: '  INTERNAL\\sa_api ', user: { directory: 'INTERNAL', id: 'sa_api' } },
    { text: 'mweber', user: undefined },
    { text: 'CORP\\m weber', user: undefined },
    { text: 'A\\B\\C', user: undefined },
    { text: '\\mweber', user: undefined },
  ])('reads "$text"', ({ text, user }) => {
    expect(parseQlikUserName(text)).toEqual(user);
  });

  it('URL-encodes both parts of the X-Qlik-User header', () => {
    expect(qlikUserHeader({ directory: 'CORP;X', id: 'jürgen müller' })).toBe(
      'UserDirectory=CORP%3BX; UserId=j%C3%BCrgen%20m%C3%BCller',
    );
  });

  it('compares users without regard to case', () => {
    expect(sameQlikUser({ directory: 'corp', id: 'MWeber' }, { directory: 'CORP', id: 'mweber' })).toBe(true);
    expect(sameQlikUser({ directory: 'CORP', id: 'mweber2' }, { directory: 'CORP', id: 'mweber' })).toBe(false);
  });
});
