// `sourcebook` commands — Briefs: create from Markdown, list, check, export.
import { readFileSync } from 'node:fs';
import { openStore } from '../../services/session';
import { createBriefFromMarkdown, listBriefs } from '../../services/briefs';
import { UserError } from '../../services/errors';
import { UsageError, checkOutput, parse, one, withWorkspace, writeAtomically, type Command } from '../command';

export const briefsCommands: Command[] = [
  {
    name: 'brief create',
    async run(args, ctx) {
      const { values, positionals } = parse(args, { title: { type: 'string' }, markdown: { type: 'string' }, author: { type: 'string' } });
      if (positionals.length) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
      const title = one(values.title, '--title');
      const file = one(values.markdown, '--markdown');
      let markdown: string;
      try {
        markdown = readFileSync(file, 'utf8');
      } catch (err) {
        throw new UserError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      }
      const brief = await withWorkspace(ctx.workspace, (db) => createBriefFromMarkdown(db, title, markdown, values.author));
      ctx.out.print({ id: brief.id }, () => `${brief.id}  ${brief.title}  (${brief.citationCount} citations)`);
      return 0;
    },
  },
  {
    name: 'briefs',
    async run(args, ctx) {
      parse(args, {});
      const briefs = await withWorkspace(ctx.workspace, listBriefs);
      ctx.out.print(briefs, () => briefs.map((b) => `${b.id}  ${b.title}  (${b.citationCount} citations)`).join('\n') || 'No briefs.');
      return 0;
    },
  },
  {
    name: 'check',
    async run(args, ctx) {
      const { positionals } = parse(args, {});
      const briefId = one(positionals[0], 'BRIEF_ID');
      const { checkBrief } = await import('../../services/export/exportBrief');
      const checks = await withWorkspace(ctx.workspace, (db) => checkBrief(db, briefId));
      ctx.out.print({ citations: checks.map(({ excerptId, status }) => ({ excerptId, status })) }, () =>
        checks.length === 0
          ? 'The brief cites nothing.'
          : checks.map((c) => `${String(c.position + 1).padStart(3)}. ${c.status.padEnd(8)} ${c.excerptId}${c.detail ? `  (${c.detail})` : ''}`).join('\n'),
      );
      return 0; // findings are the answer, not a failure
    },
  },
  {
    name: 'export',
    async run(args, ctx) {
      const { values, positionals } = parse(args, {
        pdf: { type: 'string' },
        html: { type: 'string' },
        docx: { type: 'string' },
        md: { type: 'string' },
        strict: { type: 'boolean' },
        banner: { type: 'string' },
        force: { type: 'boolean' },
      });
      const briefId = one(positionals[0], 'BRIEF_ID');
      if (!values.pdf && !values.html && !values.docx && !values.md) throw new UsageError('export needs --pdf, --docx, --md or --html OUT.');
      const options = { strict: values.strict ?? false, banner: values.banner };
      // Every output is checked before anything is written: a refused one leaves no file behind.
      const target = { workspace: ctx.workspace, force: values.force ?? false };
      const outputs = [values.html, values.md, values.docx, values.pdf].filter((o): o is string => !!o);
      for (const out of outputs) checkOutput(out, target);
      const written: string[] = [];
      // The exporters and the headless printer load only for `export`.
      const [{ briefDocx, briefHtml, briefMarkdown, briefPdf, loadBriefForExport, StrictRefusal }, { chromiumPrinter }] = await Promise.all([
        import('../../services/export/exportBrief'),
        import('../../services/export/chromiumPrinter'),
      ]);
      const db = openStore(ctx.workspace, { readonly: true });
      const printer = chromiumPrinter();
      try {
        // Checked before anything is written: a strict refusal leaves no file behind.
        try {
          loadBriefForExport(db, briefId, options);
        } catch (err) {
          if (err instanceof StrictRefusal) throw new UserError(`${err.message} Not written (--strict). Run "sourcebook check ${briefId}" for each citation's status.`);
          throw err;
        }
        if (values.html) {
          writeAtomically(values.html, briefHtml(db, briefId, options).html, target);
          written.push(values.html);
        }
        if (values.md) {
          writeAtomically(values.md, briefMarkdown(db, briefId, options).markdown, target);
          written.push(values.md);
        }
        if (values.docx) {
          writeAtomically(values.docx, Buffer.from(briefDocx(db, briefId, options).docx), target);
          written.push(values.docx);
        }
        if (values.pdf) {
          const { pdf } = await briefPdf(db, briefId, printer, options);
          writeAtomically(values.pdf, pdf, target);
          written.push(values.pdf);
        }
      } finally {
        await printer.close?.();
        db.close();
      }
      ctx.out.print({ briefId, written }, () => written.map((w) => `wrote ${w}`).join('\n'));
      return 0;
    },
  },
];
