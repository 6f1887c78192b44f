import type { EngineKind } from '../../config/schema.js';
import { databricksDialect } from './databricks.js';
import type { ParityDialect } from './dialect.js';
import { duckdbDialect } from './duckdb.js';
import { sqlserverDialect } from './sqlserver.js';

/** One parity dialect per engine kind: a new kind does not compile until it has one. */
const dialects: { readonly [K in EngineKind]: ParityDialect & { readonly kind: K } } = {
  duckdb: duckdbDialect as ParityDialect & { readonly kind: 'duckdb' },
  sqlserver: sqlserverDialect as ParityDialect & { readonly kind: 'sqlserver' },
  databricks: databricksDialect as ParityDialect & { readonly kind: 'databricks' },
};

export function parityDialect(kind: EngineKind): ParityDialect {
  return dialects[kind];
}

export type { ParityDialect } from './dialect.js';
