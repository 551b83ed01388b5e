import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, parseXmlDocument, scanXmlNesting } from './xml.ts';

const nested = (depth: number, inner = '') =>
  `${'<a>'.repeat(depth)}${inner}${'</a>'.repeat(depth)}`;

describe('scanXmlNesting', () => {
  it('allows exactly the limit and refuses one level more', () => {
    expect(scanXmlNesting(nested(MAX_XML_DEPTH))).toBe('ok');
    expect(scanXmlNesting(nested(MAX_XML_DEPTH + 1))).toBe('too-deep');
    expect(parseXmlDocument(nested(MAX_XML_DEPTH))).toBeDefined();
    expect(parseXmlDocument(nested(MAX_XML_DEPTH + 1))).toBeUndefined();
  });

  it('counts levels, not tags: siblings and closed elements do not add up, an empty element is a level', () => {
    const wide = `<r>${'<c><d/><e x="1"/></c>'.repeat(1000)}</r>`;
    expect(scanXmlNesting(wide, 3)).toBe('ok');
    expect(scanXmlNesting(wide, 2)).toBe('too-deep');
  });

  it('does not count markup inside comments, CDATA, processing instructions, attributes or a DOCTYPE', () => {
    const hidden = '<a><b><c><d>';
    const text = [
      '<?xml version="1.0"?>',
      `<!DOCTYPE r [ <!ENTITY e "${hidden}"> <!-- don't ${hidden} --> ]>`,
      `<r title="${hidden.replace(/</g, '&lt;')} > />">`,
      `<!-- ${hidden} -->`,
      `<![CDATA[${hidden}]]>`,
      `<?pi ${hidden}?>`,
      '<x a=\'>\' b="/>"><y/></x>',
      '</r>',
    ].join('');
    // r > x > y: three levels.
    expect(scanXmlNesting(text, 3)).toBe('ok');
    expect(scanXmlNesting(text, 2)).toBe('too-deep');
    expect(parseXmlDocument(text)).toBeDefined();
  });

  it.each(['<a', '<a><!-- x', '<a><![CDATA[ x', '<?xml x', '<!DOCTYPE a [ <!ENTITY e "x">'])(
    'reports %j as unterminated, which no parser would accept',
    (text) => {
      expect(scanXmlNesting(text)).toBe('unterminated');
      expect(parseXmlDocument(text)).toBeUndefined();
    },
  );

  it('refuses a 1,000,000-deep document without building it', () => {
    expect(scanXmlNesting(nested(1_000_000))).toBe('too-deep');
    expect(parseXmlDocument(nested(1_000_000))).toBeUndefined();
  });
});
