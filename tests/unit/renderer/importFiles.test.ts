import { describe, expect, test } from 'vitest';
import { describeIgnored, filesOfEntries, filesOfPickedFolder, isSupported, type EntryLike } from '../../../renderer/src/import/files';

function fileEntry(path: string, fail = false): EntryLike {
  const name = path.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: `/${path}`,
    file: (ok, err) => (fail ? err?.(new Error('gone')) : ok(new File(['x'], name))),
  };
}

/** A folder whose reader hands out its entries two at a time, as browsers do in batches. */
function folder(path: string, children: EntryLike[]): EntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    createReader() {
      let at = 0;
      return {
        readEntries(ok) {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          ok(batch);
        },
      };
    },
  };
}

describe('import file helpers', () => {
  test('supported formats', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.html', 'e.htm', 'f.pdf', 'g.docx', 'h.png', 'i.JPG', 'j.jpeg', 'k.tif', 'l.tiff'].every(isSupported)).toBe(true);
    expect(['a.gif', 'b', '.txt', 'c.doc', 'd.bmp'].some(isSupported)).toBe(false);
  });

  test('a dropped folder is walked recursively: supported files in order, hidden ones skipped, the rest counted', async () => {
    const dropped = [
      folder('dossier', [
        fileEntry('dossier/b.txt'),
        fileEntry('dossier/a.pdf'),
        fileEntry('dossier/photo.gif'),
        fileEntry('dossier/.DS_Store'),
        folder('dossier/.git', [fileEntry('dossier/.git/HEAD.txt')]),
        folder('dossier/annex', [fileEntry('dossier/annex/c.md'), fileEntry('dossier/annex/d.bmp'), fileEntry('dossier/annex/e.docx')]),
        fileEntry('dossier/lost.txt', true),
      ]),
      fileEntry('loose.rtf'),
    ];
    const result = await filesOfEntries(dropped);
    expect(result.files.map((f) => f.path)).toEqual(['dossier/a.pdf', 'dossier/annex/c.md', 'dossier/annex/e.docx', 'dossier/b.txt', 'loose.rtf']);
    expect([...result.ignored]).toEqual([
      ['.bmp', 1],
      ['.gif', 1],
    ]);
    expect(result.unreadable).toEqual([{ path: 'dossier/lost.txt', error: 'cannot read the file: gone' }]);
    expect(describeIgnored(result.ignored)).toBe('2 other files in the folder are not a supported format (.bmp, .gif) and were left out.');
  });

  test('a picked folder keeps supported files by their path inside it', () => {
    const make = (path: string) => {
      const f = new File(['x'], path.split('/').pop()!);
      Object.defineProperty(f, 'webkitRelativePath', { value: path });
      return f;
    };
    const picked = filesOfPickedFolder([make('d/z.txt'), make('d/sub/a.html'), make('d/.hidden/x.txt'), make('d/img.gif')]);
    expect(picked.files.map((f) => f.path)).toEqual(['d/sub/a.html', 'd/z.txt']);
    expect(describeIgnored(picked.ignored)).toBe('1 other file in the folder is not a supported format (.gif) and was left out.');
    expect(describeIgnored(new Map())).toBeNull();
  });
});
