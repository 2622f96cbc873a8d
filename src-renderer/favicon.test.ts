import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));

describe('favicon', () => {
  // Without a <link rel="icon">, every page load asks for /favicon.ico and logs a 404.
  it('index.html names an icon that Vite copies from public/ into the build', () => {
    const html = readFileSync(`${dir}index.html`, 'utf8');
    const href = /<link rel="icon"[^>]*href="\.\/([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('favicon.svg');
    const svg = readFileSync(`${dir}public/${href}`, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
