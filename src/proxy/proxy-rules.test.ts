import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { checkAllowedCall, WHISPIR_CALLS } from './proxy-rules';

describe('checkAllowedCall', () => {
  const post = (path: string, contentType?: string) =>
    checkAllowedCall(
      {
        method: 'POST',
        path,
        header: (name) => (name === 'content-type' ? contentType : undefined),
      },
      WHISPIR_CALLS,
    );

  it('takes the body type each write of the wizard sends, in any case, with parameters', () => {
    expect(post('/resources', MEDIA_TYPES.resource)).toBeUndefined();
    expect(post('/workspaces/AB12/imports', MEDIA_TYPES.importContact)).toBeUndefined();
    expect(
      post('/resources', 'Application/Vnd.Whispir.Resource-v1+JSON ; charset=UTF-8'),
    ).toBeUndefined();
  });

  it('refuses any other body type, naming the one the call takes', () => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x', '', undefined]) {
      const refusal = post('/imports', type);
      expect(refusal, String(type)).toMatchObject({ status: 415, rule: 'content-type' });
      expect(refusal?.message).toContain(MEDIA_TYPES.importContact);
    }
    // The type of the other write is not this one's.
    expect(post('/resources', MEDIA_TYPES.importContact)?.rule).toBe('content-type');
  });

  it('needs no body type for a read', () => {
    expect(checkAllowedCall({ method: 'GET', path: '/workspaces' }, WHISPIR_CALLS)).toBeUndefined();
  });
});
