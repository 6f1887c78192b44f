import path from 'node:path';
import type { ConnectionConfig } from '../config/schema.js';
import { databricksEndpoint } from './databricks/databricks-engine.js';
import { sqlServerTarget } from './sqlserver/sqlserver-engine.js';

/** Where a connection points, for messages and reports, without connecting: never a credential. */
export function connectionTarget(config: ConnectionConfig, baseDir: string): string {
  switch (config.kind) {
    case 'duckdb':
      return config.path === ':memory:' ? ':memory:' : path.resolve(baseDir, config.path);
    case 'sqlserver':
      return sqlServerTarget(config);
    case 'databricks':
      return databricksEndpoint(config).target;
    default: {
      const unknown: never = config;
      return String(unknown);
    }
  }
}
