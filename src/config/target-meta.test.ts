// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readTargetMeta, withTargetMeta } from './target-meta';

const page = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>x</title>\n  </head></html>';

const parsed = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the page says where the wizard is connected', () => {
  it('reads back what the server wrote, quotes and markup included', () => {
    const target = {
      label: 'Whispir "AU" <prod>',
      isSandbox: false,
      url: 'https://api.au.whispir.com',
    };
    const html = withTargetMeta(page, target);
    expect(readTargetMeta(parsed(html))).toEqual(target);
    // Written again (a page already served), the tag is replaced, not added twice.
    const again = withTargetMeta(html, {
      label: 'Local sandbox',
      isSandbox: true,
      url: 'http://127.0.0.1:8787',
    });
    expect(again.match(/whispir-target/g)).toHaveLength(1);
    expect(readTargetMeta(parsed(again))?.isSandbox).toBe(true);
  });

  it('writes a URL with "$" in it as it is, once', () => {
    const target = { label: 'x', isSandbox: false, url: "http://127.0.0.1:9/$'$&" };
    const once = withTargetMeta(page, target);
    const twice = withTargetMeta(once, target);
    expect(readTargetMeta(parsed(twice))).toEqual(target);
    expect(twice.match(/<title>/g)).toHaveLength(1);
  });

  it('has nothing to say for a page without the tag, or with a damaged one', () => {
    expect(readTargetMeta(parsed(page))).toBeUndefined();
    expect(
      readTargetMeta(
        parsed(page.replace('<head>', '<head><meta name="whispir-target" content="{oops">')),
      ),
    ).toBeUndefined();
    expect(
      readTargetMeta(
        parsed(page.replace('<head>', `<head><meta name="whispir-target" content='{"label":1}'>`)),
      ),
    ).toBeUndefined();
  });
});
