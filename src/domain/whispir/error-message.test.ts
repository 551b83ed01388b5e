import { describe, expect, it } from 'vitest';
import { describeWhispirError } from './error-message';

const json = (body: object) => JSON.stringify(body);

describe('describeWhispirError', () => {
  it("gives a 401's real cause when Whispir's summary names it (an IP not allowed)", () => {
    const body = json({
      errorSummary:
        'You are attempting to access your account from IP address 202.125.18.109 which has not been white listed within the Whispir platform.',
      errorText: 'Unauthorized',
      errorDetail: '',
    });
    const message = describeWhispirError({ status: 401, body });
    expect(message).toBe(
      'Whispir refused the sign-in (401): You are attempting to access your account from IP address 202.125.18.109 which has not been white listed within the Whispir platform.',
    );
    expect(message).not.toMatch(/username or password/);
  });

  it('says the username or password when Whispir gives no reason', () => {
    expect(describeWhispirError({ status: 401, body: '' })).toBe(
      'Whispir rejected the username or password (401).',
    );
    expect(describeWhispirError({ status: 401, body: json({ errorText: 'Unauthorized' }) })).toBe(
      'Whispir rejected the username or password (401).',
    );
  });

  it("tells the daily limit from the per-second one, by the gateway's code", () => {
    expect(
      describeWhispirError({
        status: 403,
        body: json({ message: 'Forbidden' }),
        errorCode: 'ERR_403_DEVELOPER_OVER_QPD',
        errorDetail: 'Account Over Queries Per Day Limit',
      }),
    ).toMatch(/used up its requests for the day.*Try again tomorrow/);
    expect(
      describeWhispirError({ status: 403, body: '', errorCode: 'ERR_403_DEVELOPER_OVER_QPS' }),
    ).toMatch(/per-second limit/);
  });

  it("gives a 403's reason from the gateway's header, and does not blame the key when there is one", () => {
    expect(
      describeWhispirError({
        status: 403,
        body: json({ message: 'Forbidden' }),
        errorCode: 'ERR_403_OTHER',
        errorDetail: 'User lacks the Import permission',
      }),
    ).toBe('Whispir refused the call (403): User lacks the Import permission');
    expect(describeWhispirError({ status: 403, body: json({ message: 'Forbidden' }) })).toMatch(
      /^Whispir refused the call \(403\): the API key may be wrong, or this Whispir user may not do this\.$/,
    );
  });

  it("keeps a 422's specific text and a 400's technical detail", () => {
    expect(
      describeWhispirError({
        status: 422,
        body: json({
          errorSummary: 'Your request did not contain all of the information required.',
          errorText: 'resourceId is not a valid resource',
          link: [],
        }),
      }),
    ).toBe('Whispir could not process the request (422). resourceId is not a valid resource');
    expect(
      describeWhispirError({
        status: 400,
        body: json({
          errorSummary: 'Your request was malformed and could not be processed by the server.',
          errorText: 'Bad Request',
          errorDetail: 'Unrecognized field "importMod"',
        }),
      }),
    ).toBe(
      'Whispir could not read the request (400). Your request was malformed and could not be processed by the server. (Unrecognized field "importMod")',
    );
  });

  it("reads Whispir's XML error, and names a web page by its title instead of showing its code", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns3:error xmlns:ns3="http://schemas.api.whispir.com">
   <errorSummary>The resource that you have requested does not exist. Please check the identifier &amp; try again </errorSummary>
   <errorText>Not Found</errorText>
</ns3:error>`;
    expect(describeWhispirError({ status: 404, body: xml })).toBe(
      'Whispir could not find that (404). The resource that you have requested does not exist. Please check the identifier & try again',
    );
    const page =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';
    const message = describeWhispirError({ status: 502, body: page });
    expect(message).toBe(
      'Whispir could not be reached through the proxy (502). (a web page: "502 Bad Gateway")',
    );
    expect(message).not.toContain('<');
  });

  it("shows the 413's string answer and cuts a long one", () => {
    expect(
      describeWhispirError({ status: 413, body: '"HTTP content length exceeded 10485760 bytes."' }),
    ).toBe(
      'The request is larger than Whispir accepts (413). HTTP content length exceeded 10485760 bytes.',
    );
    const long = describeWhispirError({ status: 500, body: 'x'.repeat(5000) });
    expect(long.length).toBeLessThan(500);
    expect(long.endsWith('…')).toBe(true);
  });
});
