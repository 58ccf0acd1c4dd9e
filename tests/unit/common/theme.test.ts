import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WINDOW_BACKGROUND } from '../../../common/theme';

describe('the window background', () => {
  it("paints the window before its page in the page's own background colours", () => {
    const css = readFileSync(join(__dirname, '../../../renderer/src/styles/base.css'), 'utf8');
    const light = /:root\s*{[^}]*--bg:\s*(#[0-9a-f]{6})/i.exec(css)![1];
    const dark = /prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{[^}]*--bg:\s*(#[0-9a-f]{6})/i.exec(css)![1];
    expect(WINDOW_BACKGROUND).toEqual({ light, dark });
  });
});
