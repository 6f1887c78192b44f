import type { LegacyObject, LegacyObjectKind } from '../inventory/legacy-object.js';

const KIND_FOLDERS: Readonly<Partial<Record<LegacyObjectKind, string>>> = {
  procedure: 'procedures',
  view: 'views',
  function: 'functions',
  trigger: 'triggers',
  table: 'tables',
  synonym: 'synonyms',
};

/**
 * Where an object lives in the snapshot folder (DESIGN.md section 6), as a relative POSIX path:
 *
 *   catalog/<catalog>/<schema>/<kind>/<name>.sql      (catalog/<catalog>/<database>/<schema>/... with several databases)
 *   catalog/<catalog>/scripts/<path>                  scripts of a catalog that define no object
 *   jobs/<catalog>/<job>.yaml
 *   repo/<repo>/<path>                                notebooks as <path>.py (their cells, see repo-source.ts)
 *   embedded/<repo>/<py path>/<n>.sql
 *   generated/<generator>/<file>
 */
export function snapshotPath(object: Pick<LegacyObject, 'id' | 'kind' | 'origin' | 'name'>): string {
  const origin = segment(object.origin.name);
  switch (object.kind) {
    case 'procedure':
    case 'view':
    case 'function':
    case 'trigger':
    case 'table':
    case 'synonym': {
      const parts = splitName(object.name);
      const name = parts.pop()!;
      const suffix = object.id.includes('~') ? `~${object.id.split('~').pop()}` : '';
      return ['catalog', origin, ...parts.map(segment), KIND_FOLDERS[object.kind]!, `${segment(name)}${suffix}.sql`].join('/');
    }
    case 'job':
      return ['jobs', origin, `${segment(object.name)}.yaml`].join('/');
    case 'sql-file':
      return object.origin.type === 'catalog'
        ? ['catalog', origin, 'scripts', ...pathSegments(object.name)].join('/')
        : ['repo', origin, ...pathSegments(object.name)].join('/');
    case 'pandas-script':
    case 'python-script':
      return ['repo', origin, ...pathSegments(object.name)].join('/');
    case 'notebook':
      return ['repo', origin, ...pathSegments(`${object.name}.py`)].join('/');
    case 'embedded-sql': {
      const [host, ordinal] = splitOrdinal(object.name);
      return ['embedded', origin, ...pathSegments(host), `${ordinal}.sql`].join('/');
    }
    case 'generated-sql':
      return ['generated', origin, ...pathSegments(object.name)].join('/');
    default: {
      const unknown: never = object.kind;
      throw new Error(`no snapshot place for kind ${String(unknown)}`);
    }
  }
}

/** `schema.name` -> ['schema', 'name']; names may hold dots only in their last part's brackets, which are gone. */
function splitName(name: string): string[] {
  const parts = name.split('.');
  return parts.length <= 3 ? parts : [...parts.slice(0, 2), parts.slice(2).join('.')];
}

function splitOrdinal(name: string): [string, string] {
  const at = name.lastIndexOf('#');
  return at < 0 ? [name, '1'] : [name.slice(0, at), name.slice(at + 1)];
}

function pathSegments(relative: string): string[] {
  return relative
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .map((part) => (part === '..' ? '%2E%2E' : segment(part)));
}

/**
 * A file name that means the same on Linux, macOS and Windows: characters Windows refuses,
 * control characters, and trailing dots or spaces are written as %XX, and so is % itself so
 * that the encoding cannot collide with a real name.
 */
export function segment(name: string): string {
  const encoded = name.replace(/[%<>:"/\\|?*\u0000-\u001f]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const trailing = /[. ]+$/.exec(encoded);
  const safe = trailing === null ? encoded : encoded.slice(0, trailing.index) + [...trailing[0]].map((character) => (character === '.' ? '%2E' : '%20')).join('');
  return safe === '' ? '%00' : safe;
}
