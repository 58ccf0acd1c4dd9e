import { describe, expect, it } from 'vitest';
import { CHANGES, READS } from '../../../common/changes';
import { CHANNELS } from '../../../electron/ipc/contract';

describe('what each channel changes (common/changes.ts)', () => {
  it('declares every channel of the contract once: a read, or a write with what it changes', () => {
    const declared = [...READS, ...Object.keys(CHANGES)];
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...CHANNELS].sort());
  });
});
