import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageVersion, templatesDir } from '../paths.js';

/**
 * Renders lakeshift's self-contained HTML reports: one layout and one stylesheet for all of
 * them (sync, translation, parity), the page body from its own template, CSS and the little
 * JavaScript inlined so that the file opens anywhere with no network. Templates receive view
 * models that are already computed: they only place values.
 */
export interface HtmlPage {
  readonly title: string;
  readonly subtitle: string;
  /** Template for the page body, relative to templates/, e.g. "sync/change-report.html.hbs". */
  readonly template: string;
  readonly view: unknown;
  /** Script files (relative to templates/) to inline at the end of the page. */
  readonly scripts?: readonly string[];
  readonly generatedAt: Date;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();
const handlebars = Handlebars.create();

async function template(name: string): Promise<Handlebars.TemplateDelegate> {
  const cached = compiled.get(name);
  if (cached !== undefined) return cached;
  const source = await readFile(path.join(templatesDir(), name), 'utf8');
  const delegate = handlebars.compile(source, { strict: false, preventIndent: true });
  compiled.set(name, delegate);
  return delegate;
}

export async function renderHtmlPage(page: HtmlPage): Promise<string> {
  const [layout, body, css, ...scripts] = await Promise.all([
    template('report/layout.hbs'),
    template(page.template),
    readFile(path.join(templatesDir(), 'report', 'style.css'), 'utf8'),
    ...(page.scripts ?? []).map((script) => readFile(path.join(templatesDir(), script), 'utf8')),
  ]);
  return layout({
    title: page.title,
    subtitle: page.subtitle,
    version: packageVersion(),
    generatedAt: page.generatedAt.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC'),
    css,
    body: body(page.view),
    script: scripts.join('\n'),
  });
}

/** Renders a Markdown (or other text) template: no HTML escaping. */
export async function renderText(templateName: string, view: unknown): Promise<string> {
  const source = await readFile(path.join(templatesDir(), templateName), 'utf8');
  return Handlebars.create().compile(source, { noEscape: true, preventIndent: true })(view);
}

export interface DiffLine {
  readonly text: string;
  /** add, del, hunk, meta or ctx */
  readonly kind: 'add' | 'del' | 'hunk' | 'meta' | 'ctx';
}

/** A unified diff as lines classed for display. */
export function diffLines(patch: string): DiffLine[] {
  return patch
    .split('\n')
    .filter((line, index, all) => !(index === all.length - 1 && line === ''))
    .map((text) => ({
      text,
      kind: text.startsWith('+++') || text.startsWith('---') || text.startsWith('===') || text.startsWith('\\')
        ? 'meta'
        : text.startsWith('@@')
          ? 'hunk'
          : text.startsWith('+')
            ? 'add'
            : text.startsWith('-')
              ? 'del'
              : 'ctx',
    }));
}
