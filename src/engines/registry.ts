import type { ConnectionConfig, EngineKind } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { silentReporter } from '../reporter.js';
import { DatabricksEngine } from './databricks/databricks-engine.js';
import { DuckDbEngine } from './duckdb/duckdb-engine.js';
import type { Engine, EngineContext } from './engine.js';
import { SqlServerEngine } from './sqlserver/sqlserver-engine.js';

type EngineFactory<K extends EngineKind> = (
  name: string,
  config: Extract<ConnectionConfig, { kind: K }>,
  context: EngineContext,
) => Engine;

/** One factory per connection kind; a new kind does not compile until it is added here. */
const factories: { readonly [K in EngineKind]: EngineFactory<K> } = {
  duckdb: (name, config, context) => new DuckDbEngine(name, config, context),
  sqlserver: (name, config, context) => new SqlServerEngine(name, config, context),
  databricks: (name, config, context) => new DatabricksEngine(name, config, context),
};

export const engineKinds = Object.keys(factories) as EngineKind[];

export function createEngine(name: string, config: ConnectionConfig, context: EngineContext): Engine {
  const factory = factories[config.kind] as EngineFactory<typeof config.kind>;
  return factory(name, config, context);
}

/**
 * The engines of one command run, created on first use and closed together at the end.
 */
export class EnginePool {
  readonly #connections: Readonly<Record<string, ConnectionConfig>>;
  readonly #context: EngineContext;
  readonly #engines = new Map<string, Engine>();

  constructor(connections: Readonly<Record<string, ConnectionConfig>>, context: Partial<EngineContext> & Pick<EngineContext, 'baseDir'>) {
    this.#connections = connections;
    this.#context = { reporter: silentReporter, ...context };
  }

  get(name: string): Engine {
    const existing = this.#engines.get(name);
    if (existing !== undefined) return existing;
    const config = this.#connections[name];
    if (config === undefined) {
      const known = Object.keys(this.#connections);
      throw new ConfigError('CONFIG_UNKNOWN_CONNECTION', `no connection named "${name}"`, {
        hint: known.length > 0 ? `Known connections: ${known.join(', ')}.` : 'Add it under "connections:" in lakeshift.yaml.',
      });
    }
    const engine = createEngine(name, config, this.#context);
    this.#engines.set(name, engine);
    return engine;
  }

  /** Closes every engine that was opened; never throws. */
  async closeAll(): Promise<void> {
    const engines = [...this.#engines.values()];
    this.#engines.clear();
    await Promise.allSettled(engines.map((engine) => engine.close()));
  }
}
