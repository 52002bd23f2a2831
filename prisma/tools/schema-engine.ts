import fs from "node:fs";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { withWholeScripts } from "./whole-script-adapter";

const require = createRequire(import.meta.url);

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;

/**
 * Loads Prisma's wasm schema engine by hand: its package entry imports the
 * .wasm file as an ES module, which Node 20 cannot do without a flag.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bindings;
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/** A schema engine over a driver adapter; `datamodel` is the schema text. */
export async function createSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: string,
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const glue = await loadBindings();
  return glue.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    onLog,
    bindMigrationAwareSqlAdapterFactory(withWholeScripts(factory)),
  );
}
