import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useHydrated } from './hydrated.js';

function Probe() {
  return <span>{useHydrated() ? 'hydrated' : 'server'}</span>;
}

describe('useHydrated', () => {
  it('is false while the page is rendered on the server, so what stands in for JavaScript is what the browser first gets', () => {
    expect(renderToStaticMarkup(<Probe />)).toBe('<span>server</span>');
  });
});
