import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { describeAdminError, isForbidden } from './admin-errors';

describe('describeAdminError', () => {
  it('shows a refused document’s field and the server’s own sentence', () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid_request',
      message: 'passkeyProfiles[0].keyRestrictions.aaGuids[2]: "x" is not an AAGUID',
      field: 'passkeyProfiles[0].keyRestrictions.aaGuids[2]',
    });
    expect(describeAdminError(error)).toEqual({
      title: 'The server refused this.',
      action: 'passkeyProfiles[0].keyRestrictions.aaGuids[2]: "x" is not an AAGUID',
      field: 'passkeyProfiles[0].keyRestrictions.aaGuids[2]',
    });
  });

  it('words a 404 as an unknown user or group, not a passkey', () => {
    expect(describeAdminError(new ApiError({ status: 404, code: 'not_found', message: '' })).title).toMatch(/no user or group/);
  });

  it('words the group conflicts', () => {
    expect(describeAdminError(new ApiError({ status: 409, code: 'group_exists', message: '' })).title).toMatch(/already exists/);
    expect(describeAdminError(new ApiError({ status: 409, code: 'group_in_use', message: '' })).action).toMatch(/Include and Exclude/);
  });

  it('tells a forbidden 403 from other refusals', () => {
    expect(isForbidden(new ApiError({ status: 403, code: 'forbidden', message: '' }))).toBe(true);
    expect(isForbidden(new ApiError({ status: 403, code: 'forbidden_origin', message: '' }))).toBe(false);
    expect(isForbidden(new ApiError({ status: 401, code: 'not_signed_in', message: '' }))).toBe(false);
  });
});
