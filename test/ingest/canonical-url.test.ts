import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveUrl } from '../../src/model/canonical-url.ts';

describe('canonicalUrl', () => {
  it('removes utm_*, fbclid and gclid but keeps parameters that select the document', () => {
    expect(canonicalUrl('https://news.example.com/story?id=42&utm_source=twitter&utm_medium=social&fbclid=abc&gclid=xyz')).toBe(
      'https://news.example.com/story?id=42',
    );
  });

  it('drops the fragment, the default port and credentials, and lower-cases the host', () => {
    expect(canonicalUrl('HTTPS://user:pw@News.Example.COM:443/Path/Story#comments')).toBe('https://news.example.com/Path/Story');
  });

  it('leaves no dangling "?" when every parameter was tracking', () => {
    expect(canonicalUrl('http://example.com/a?utm_campaign=x&UTM_CONTENT=y')).toBe('http://example.com/a');
  });

  it('resolves a relative URL against its base', () => {
    expect(canonicalUrl('/world/kim-putin?ocid=rss', 'https://example.com/feed.xml')).toBe('https://example.com/world/kim-putin');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(canonicalUrl('mailto:desk@example.com')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
  });
});

describe('resolveUrl', () => {
  it('ignores script and data links that are not places to go', () => {
    expect(resolveUrl('javascript:void(0)', 'https://example.com/')).toBeUndefined();
    expect(resolveUrl('data:text/html,hi', 'https://example.com/')).toBeUndefined();
  });

  it('resolves a protocol-relative link', () => {
    expect(resolveUrl('//cdn.example.com/a.jpg', 'https://example.com/x')).toBe('https://cdn.example.com/a.jpg');
  });
});
