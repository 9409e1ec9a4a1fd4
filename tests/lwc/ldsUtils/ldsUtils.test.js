import { reduceErrors, isConflict, isAccessDenied } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads UI API read errors, DML field and page errors, Apex and JavaScript errors', () => {
    expect(
      reduceErrors([
        { body: [{ message: 'Not found' }, { message: 'Gone' }] },
        {
          body: {
            message: 'An error occurred while trying to update the record.',
            output: { errors: [{ message: 'Page error' }], fieldErrors: { Amount: [{ message: 'Amount too big' }] } },
          },
        },
        { body: { pageErrors: [{ message: 'Apex page error' }], fieldErrors: {} } },
        { body: { message: 'Apex message' } },
        new Error('JS error'),
        { statusText: 'Service Unavailable' },
        'Plain text',
        null,
      ]),
    ).toEqual([
      'Not found',
      'Gone',
      'Page error',
      'Amount too big',
      'Apex page error',
      'Apex message',
      'JS error',
      'Service Unavailable',
      'Plain text',
    ]);
  });

  it('returns nothing rather than [object Object]', () => {
    expect(reduceErrors({ weird: true })).toEqual([]);
    expect(reduceErrors(undefined)).toEqual([]);
  });
});

describe('write failures', () => {
  it('recognises a conflict (412, precondition failed)', () => {
    expect(isConflict({ status: 412, body: [] })).toBe(true);
    expect(isConflict({ status: 400, body: [{ errorCode: 'PRECONDITION_FAILED' }] })).toBe(true);
    expect(isConflict({ status: 400, body: { message: 'Validation' } })).toBe(false);
    expect(isConflict(undefined)).toBe(false);
  });

  it('recognises a user who may not edit the record', () => {
    expect(isAccessDenied({ status: 403, body: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }] })).toBe(true);
    expect(
      isAccessDenied({
        status: 400,
        body: { output: { errors: [{ errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY' }] } },
      }),
    ).toBe(true);
    expect(isAccessDenied({ status: 400, body: { message: 'Other' } })).toBe(false);
  });
});
