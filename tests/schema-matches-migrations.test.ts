import { readFileSync } from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readLocalMigrations } from "../scripts/lib/migrate.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

/**
 * The migrations in prisma/migrations are written by hand, so nothing but this test guarantees that
 * they build the database schema.prisma describes. It applies every migration to a fresh database,
 * describes that database from the catalog as a set of "facts" (table, column, primary key, index,
 * foreign key, enum, ...) and compares them in both directions with the facts schema.prisma implies
 * under Prisma's own conventions (types, defaults, constraint names). Apart from `_prisma_migrations`
 * the only things Prisma cannot describe are the generated `Article.searchVector` and
 * `Article.namesVector` columns (declared `Unsupported("tsvector")` in the schema) and the triggers
 * that keep `Article.searchNames`; they are listed and checked here explicitly.
 */

const { getDMMF } = internals;
type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../prisma/schema.prisma");

/** Tables in the database that are not part of the domain. */
const IGNORED_TABLES = ["_prisma_migrations"];

/**
 * Columns schema.prisma can only declare as Unsupported(...): what the database must have instead.
 * Every Unsupported field of the schema must be listed here, and every entry must be in the schema.
 */
const UNSUPPORTED_COLUMNS: Record<string, { type: string; generated: "STORED" | null }> = {
  "Article.searchVector": { type: "tsvector", generated: "STORED" },
  "Article.namesVector": { type: "tsvector", generated: "STORED" },
};

/**
 * Triggers schema.prisma cannot declare, which the database must have: they copy bylines and tag
 * names into Article.searchNames (the search_names migration).
 */
const TRIGGERS: Record<string, string> = Object.fromEntries([
  ...["ArticleAuthor", "ArticleTag"].flatMap((table) => ["insert", "delete", "update"].map((op) => [`${table}_search_names_${op}`, table])),
  ["User_search_names_update", "User"],
  ["Tag_search_names_update", "Tag"],
]);

/** PostgreSQL's identifier limit; Prisma trims its default constraint names to fit it. */
const MAX_IDENTIFIER_LENGTH = 63;

/** key ("column User.email") → description ("text NOT NULL DEFAULT ''"). */
type Facts = Map<string, string>;

// ---------------------------------------------------------------------------------------------
// What schema.prisma says the database must be
// ---------------------------------------------------------------------------------------------

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Text: () => "text",
  VarChar: (a) => (a[0] ? `character varying(${a[0]})` : "character varying"),
  Char: (a) => `character(${a[0] ?? 1})`,
  Uuid: () => "uuid",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: (a) => (a.length ? `numeric(${a.join(",")})` : "numeric"),
  Boolean: () => "boolean",
  Date: () => "date",
  Timestamp: (a) => `timestamp(${a[0] ?? 3}) without time zone`,
  Timestamptz: (a) => `timestamp(${a[0] ?? 3}) with time zone`,
  Time: (a) => `time(${a[0] ?? 3}) without time zone`,
  Timetz: (a) => `time(${a[0] ?? 3}) with time zone`,
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

const NUMERIC_TYPES = /^(integer|bigint|smallint|real|double precision|numeric)/;

/** Prisma's default constraint name: `<table>_<columns>_<suffix>`, trimmed to 63 characters. */
function prismaName(table: string, columns: readonly string[], suffix: string): string {
  const base = [table, ...columns].join("_");
  return base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1) + "_" + suffix;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function tableOf(model: Model): string {
  return model.dbName ?? model.name;
}

function columnOf(model: Model, fieldName: string): string {
  // Unsupported fields are not in the DMMF (their column is named like the field).
  const field = model.fields.find((f) => f.name === fieldName);
  return field?.dbName ?? fieldName;
}

function expectedType(field: Field, datamodel: Datamodel): string {
  let base: string;
  if (field.kind === "enum") {
    const enumType = datamodel.enums.find((e) => e.name === field.type);
    base = `enum ${enumType?.dbName ?? field.type}`;
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    if (!render)
      throw new Error(`${field.name}: no mapping for @db.${name}; extend NATIVE_TYPES in this test`);
    base = render(args);
  } else {
    const scalar = SCALAR_TYPES[field.type];
    if (!scalar)
      throw new Error(`${field.name}: no mapping for type ${field.type}; extend SCALAR_TYPES in this test`);
    base = scalar;
  }
  return field.isList ? `${base}[]` : base;
}

/** The column default as the catalog shows it, normalized by normalizeDbDefault. */
function expectedDefault(model: Model, field: Field, type: string): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (typeof value === "object" && "name" in value) {
    switch (value.name) {
      case "cuid":
      case "uuid":
      case "nanoid":
      case "ulid":
        return null; // generated by Prisma Client, not the database
      case "now":
        return "CURRENT_TIMESTAMP";
      case "autoincrement":
        return `nextval('${JSON.stringify(prismaName(tableOf(model), [columnOf(model, field.name)], "seq"))}'::regclass)`;
      case "dbgenerated":
        return String(value.args[0] ?? "");
      default:
        throw new Error(`${model.name}.${field.name}: default ${value.name}() is not handled by this test`);
    }
  }
  // An empty list, as PostgreSQL prints it (ARRAY[]::text[]).
  if (Array.isArray(value) && value.length === 0) return `ARRAY[]::${type}`;
  if (typeof value === "object") {
    throw new Error(`${model.name}.${field.name}: list defaults other than [] are not handled by this test`);
  }
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return String(value);
  if (type === "jsonb" || type === "json") return quoteLiteral(JSON.stringify(JSON.parse(value)));
  if (field.type === "DateTime") {
    throw new Error(`${model.name}.${field.name}: DateTime literal defaults are not handled by this test`);
  }
  return quoteLiteral(value);
}

function columnDescription(
  type: string,
  notNull: boolean,
  defaultExpr: string | null,
  generated: string | null,
  identity: string | null = null,
): string {
  return [
    type,
    notNull ? "NOT NULL" : "NULL",
    defaultExpr !== null ? `DEFAULT ${defaultExpr}` : null,
    generated ? `GENERATED ALWAYS AS (...) ${generated}` : null,
    identity ? `GENERATED ${identity} AS IDENTITY` : null,
  ]
    .filter(Boolean)
    .join(" ");
}

function indexDescription(
  kind: "unique" | "normal",
  method: string,
  table: string,
  columns: readonly string[],
): string {
  return `${kind === "unique" ? "UNIQUE " : ""}INDEX ON "${table}" USING ${method} (${columns.join(", ")})`;
}

const ON_ACTION: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** Fields declared `name Unsupported("type")` or `name Unsupported("type")?`, per model. */
function unsupportedFields(
  schemaText: string,
): { model: string; field: string; type: string; optional: boolean }[] {
  const result: { model: string; field: string; type: string; optional: boolean }[] = [];
  for (const block of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of (block[2] ?? "").matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)) {
      result.push({ model: block[1]!, field: line[1]!, type: line[2]!, optional: line[3] === "?" });
    }
  }
  return result;
}

function expectedFacts(datamodel: Datamodel, schemaText: string): Facts {
  const facts: Facts = new Map();

  for (const e of datamodel.enums) {
    facts.set(`enum ${e.dbName ?? e.name}`, e.values.map((v) => v.dbName ?? v.name).join(", "));
  }

  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  for (const model of datamodel.models) {
    const table = tableOf(model);
    facts.set(`table ${table}`, "table");
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue; // the back-relation side has no column
        const target = models.get(field.type);
        if (!target) throw new Error(`${model.name}.${field.name}: unknown model ${field.type}`);
        const fromColumns = from.map((f) => columnOf(model, f));
        const toColumns = (field.relationToFields ?? []).map((f) => columnOf(target, f));
        const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
        const onUpdate = field.relationOnUpdate ?? "Cascade";
        facts.set(
          `foreign key ${prismaName(table, fromColumns, "fkey")}`,
          `"${table}" (${fromColumns.join(", ")}) REFERENCES "${tableOf(target)}" (${toColumns.join(", ")}) ` +
            `ON DELETE ${ON_ACTION[onDelete]} ON UPDATE ${ON_ACTION[onUpdate]}`,
        );
        continue;
      }
      const type = expectedType(field, datamodel);
      // Prisma creates scalar lists as nullable array columns.
      const notNull = field.isRequired && !field.isList;
      facts.set(
        `column ${table}.${columnOf(model, field.name)}`,
        columnDescription(type, notNull, expectedDefault(model, field, type), null),
      );
    }
  }

  const declared = unsupportedFields(schemaText);
  for (const u of declared) {
    const key = `${u.model}.${u.field}`;
    const expected = UNSUPPORTED_COLUMNS[key];
    if (!expected)
      throw new Error(
        `${key} is Unsupported("${u.type}") in schema.prisma: describe it in UNSUPPORTED_COLUMNS`,
      );
    if (expected.type !== u.type)
      throw new Error(
        `${key}: schema.prisma says Unsupported("${u.type}"), UNSUPPORTED_COLUMNS says ${expected.type}`,
      );
    const model = models.get(u.model);
    if (!model) throw new Error(`${key}: unknown model ${u.model}`);
    facts.set(
      `column ${tableOf(model)}.${u.field}`,
      columnDescription(expected.type, !u.optional, null, expected.generated),
    );
  }
  for (const key of Object.keys(UNSUPPORTED_COLUMNS)) {
    if (!declared.some((u) => `${u.model}.${u.field}` === key)) {
      throw new Error(
        `UNSUPPORTED_COLUMNS lists ${key}, which schema.prisma does not declare as Unsupported(...)`,
      );
    }
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) throw new Error(`index on unknown model ${index.model}`);
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    for (const f of index.fields) {
      if (f.operatorClass || f.length) {
        throw new Error(
          `${index.model}: index field options (ops/length) on ${f.name} are not handled by this test`,
        );
      }
    }
    const rendered = index.fields.map((f, i) => `${columns[i]}${f.sortOrder === "desc" ? " DESC" : ""}`);
    switch (index.type) {
      case "id":
        facts.set(
          `primary key ${table}`,
          `${index.dbName ?? prismaName(table, [], "pkey")} (${columns.join(", ")})`,
        );
        break;
      case "unique":
      case "normal": {
        const name = index.dbName ?? prismaName(table, columns, index.type === "unique" ? "key" : "idx");
        const method = (index.algorithm ?? "BTree").toLowerCase();
        facts.set(`index ${name}`, indexDescription(index.type, method, table, rendered));
        break;
      }
      default:
        throw new Error(`${index.model}: ${index.type} indexes do not exist on PostgreSQL`);
    }
  }
  for (const [name, table] of Object.entries(TRIGGERS)) facts.set(`trigger ${name}`, `on "${table}"`);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// What the database is (pg_catalog; the same queries work on PostgreSQL 15 and 18 / PGlite)
// ---------------------------------------------------------------------------------------------

/** Literal defaults lose their cast ('x'::text → 'x'); the column type is compared on its own. */
function normalizeDbDefault(expr: string, type: string): string {
  const literal = /^'((?:[^']|'')*)'::[\w" .,()[\]]+$/.exec(expr);
  if (!literal) return expr;
  const value = literal[1]!.replace(/''/g, "'");
  if (NUMERIC_TYPES.test(type)) return value; // -1 is shown as '-1'::integer
  if (type === "jsonb" || type === "json") return quoteLiteral(JSON.stringify(JSON.parse(value)));
  return quoteLiteral(value);
}

const FK_ACTION: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const CONSTRAINT_KIND: Record<string, string> = { c: "CHECK", u: "UNIQUE", x: "EXCLUDE" };

async function readDatabaseFacts(client: pg.ClientBase): Promise<Facts> {
  const facts: Facts = new Map();
  const ignored = IGNORED_TABLES;

  const relations = await client.query<{ name: string; relkind: string }>(
    `SELECT c.relname AS name, c.relkind::text AS relkind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND NOT (c.relname = ANY($1::text[]))`,
    [ignored],
  );
  const relationKinds: Record<string, string> = {
    r: "table",
    p: "table",
    v: "view",
    m: "materialized view",
    f: "foreign table",
  };
  for (const r of relations.rows) facts.set(`table ${r.name}`, relationKinds[r.relkind] ?? r.relkind);

  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`,
  );
  for (const e of enums.rows) facts.set(`enum ${e.name}`, e.labels.join(", "));

  // Other user-defined types (domains, ranges, free-standing composite types): Prisma makes none.
  const types = await client.query<{ name: string; typtype: string }>(
    `SELECT t.typname AS name, t.typtype::text AS typtype
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
        AND (t.typtype IN ('d', 'r', 'm')
             OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))`,
  );
  for (const t of types.rows) facts.set(`type ${t.name}`, `typtype ${t.typtype}`);

  const columns = await client.query<{
    table: string;
    column: string;
    attnum: number;
    formatted: string;
    typtype: string;
    typname: string;
    elem_typtype: string | null;
    elem_typname: string | null;
    not_null: boolean;
    generated: string;
    identity: string;
    default_expr: string | null;
  }>(
    `SELECT c.relname AS "table", a.attname AS "column", a.attnum::int AS attnum,
            format_type(a.atttypid, a.atttypmod) AS formatted,
            t.typtype::text AS typtype, t.typname::text AS typname,
            et.typtype::text AS elem_typtype, et.typname::text AS elem_typname,
            a.attnotnull AS not_null, a.attgenerated::text AS generated, a.attidentity::text AS identity,
            pg_get_expr(d.adbin, d.adrelid) AS default_expr
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND a.attnum > 0 AND NOT a.attisdropped
        AND NOT (c.relname = ANY($1::text[]))`,
    [ignored],
  );
  const columnNames = new Map<string, string>(); // "table#attnum" → column
  for (const c of columns.rows) {
    columnNames.set(`${c.table}#${c.attnum}`, c.column);
    let type = c.formatted;
    if (c.typtype === "e") type = `enum ${c.typname}`;
    else if (c.elem_typtype === "e") type = `enum ${c.elem_typname}[]`;
    const generated = c.generated === "s" ? "STORED" : c.generated === "v" ? "VIRTUAL" : null;
    const identity = c.identity === "a" ? "ALWAYS" : c.identity === "d" ? "BY DEFAULT" : null;
    // For a generated column pg_attrdef holds the generation expression, not a default.
    const defaultExpr =
      c.default_expr !== null && !generated ? normalizeDbDefault(c.default_expr, type) : null;
    facts.set(
      `column ${c.table}.${c.column}`,
      columnDescription(type, c.not_null, defaultExpr, generated, identity),
    );
  }
  const columnName = (table: string, attnum: number) => columnNames.get(`${table}#${attnum}`) ?? `#${attnum}`;

  const opclasses = await client.query<{ oid: number; name: string; is_default: boolean }>(
    `SELECT oid::int AS oid, opcname::text AS name, opcdefault AS is_default FROM pg_opclass`,
  );
  const opclassById = new Map(opclasses.rows.map((o) => [o.oid, o]));

  const indexes = await client.query<{
    name: string;
    table: string;
    is_unique: boolean;
    is_primary: boolean;
    method: string;
    key_count: number;
    indkey: string;
    indoption: string;
    indclass: string;
    predicate: string | null;
    expressions: string | null;
  }>(
    `SELECT ic.relname AS name, tc.relname AS "table", i.indisunique AS is_unique,
            i.indisprimary AS is_primary, am.amname::text AS method, i.indnkeyatts::int AS key_count,
            i.indkey::text AS indkey, i.indoption::text AS indoption, i.indclass::text AS indclass,
            pg_get_expr(i.indpred, i.indrelid) AS predicate,
            pg_get_expr(i.indexprs, i.indrelid) AS expressions
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       JOIN pg_am am ON am.oid = ic.relam
      WHERE n.nspname = current_schema() AND NOT (tc.relname = ANY($1::text[]))`,
    [ignored],
  );
  for (const index of indexes.rows) {
    if (index.is_primary) continue; // described with the primary key constraint
    const attnums = index.indkey.split(" ").map(Number);
    const options = index.indoption.split(" ").map(Number);
    const classes = index.indclass.split(" ").map(Number);
    const rendered = attnums.map((attnum, i) => {
      const option = options[i] ?? 0;
      const desc = (option & 1) !== 0;
      const nullsFirst = (option & 2) !== 0;
      const opclass = opclassById.get(classes[i] ?? 0);
      return [
        attnum === 0 ? "(expression)" : columnName(index.table, attnum),
        i >= index.key_count ? "INCLUDE" : null,
        desc ? "DESC" : null,
        nullsFirst !== desc ? (nullsFirst ? "NULLS FIRST" : "NULLS LAST") : null,
        opclass && !opclass.is_default ? opclass.name : null,
      ]
        .filter(Boolean)
        .join(" ");
    });
    let description = indexDescription(
      index.is_unique ? "unique" : "normal",
      index.method,
      index.table,
      rendered,
    );
    if (index.expressions) description += ` expressions ${index.expressions}`;
    if (index.predicate) description += ` WHERE ${index.predicate}`;
    facts.set(`index ${index.name}`, description);
  }

  const constraints = await client.query<{
    name: string;
    contype: string;
    table: string;
    ref_table: string | null;
    conkey: number[] | null;
    confkey: number[] | null;
    on_delete: string;
    on_update: string;
    deferrable: boolean;
    definition: string;
  }>(
    `SELECT con.conname AS name, con.contype::text AS contype, tc.relname AS "table",
            rc.relname AS ref_table, con.conkey::int[] AS conkey, con.confkey::int[] AS confkey,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
            con.condeferrable AS deferrable, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       LEFT JOIN pg_class rc ON rc.oid = con.confrelid
      WHERE n.nspname = current_schema()
        AND con.contype NOT IN ('n', 't') -- NOT NULL (PostgreSQL 18 lists them here) and trigger constraints
        AND NOT (tc.relname = ANY($1::text[]))`,
    [ignored],
  );
  for (const con of constraints.rows) {
    const cols = (con.conkey ?? []).map((n) => columnName(con.table, n));
    if (con.contype === "p") {
      facts.set(`primary key ${con.table}`, `${con.name} (${cols.join(", ")})`);
    } else if (con.contype === "f") {
      const refTable = con.ref_table ?? "?";
      const refCols = (con.confkey ?? []).map((n) => columnName(refTable, n));
      facts.set(
        `foreign key ${con.name}`,
        `"${con.table}" (${cols.join(", ")}) REFERENCES "${refTable}" (${refCols.join(", ")}) ` +
          `ON DELETE ${FK_ACTION[con.on_delete]} ON UPDATE ${FK_ACTION[con.on_update]}` +
          (con.deferrable ? " DEFERRABLE" : ""),
      );
    } else {
      // Prisma makes unique indexes, never UNIQUE/CHECK/EXCLUDE constraints.
      facts.set(
        `constraint ${con.name}`,
        `${CONSTRAINT_KIND[con.contype] ?? con.contype} on "${con.table}": ${con.definition}`,
      );
    }
  }

  const triggers = await client.query<{ name: string; table: string }>(
    `SELECT tg.tgname AS name, c.relname AS "table"
       FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT tg.tgisinternal AND NOT (c.relname = ANY($1::text[]))`,
    [ignored],
  );
  for (const t of triggers.rows) facts.set(`trigger ${t.name}`, `on "${t.table}"`);

  return facts;
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/** One line per difference, empty when the database is exactly what schema.prisma describes. */
function diffFacts(expected: Facts, actual: Facts): string[] {
  const lines: string[] = [];
  for (const [key, want] of expected) {
    const have = actual.get(key);
    if (have === undefined) lines.push(`${key}: in schema.prisma (${want}) but missing from the database`);
    else if (have !== want)
      lines.push(`${key}: schema.prisma implies «${want}» but the database has «${have}»`);
  }
  for (const [key, have] of actual) {
    if (!expected.has(key)) lines.push(`${key}: in the database (${have}) but not in schema.prisma`);
  }
  return lines.sort();
}

// ---------------------------------------------------------------------------------------------

describe("prisma/migrations build exactly the database schema.prisma describes", () => {
  let db: TestDatabase;
  let client: pg.Client;
  let schemaText: string;
  let datamodel: Datamodel;
  let expected: Facts;

  beforeAll(async () => {
    schemaText = readFileSync(SCHEMA_PATH, "utf8");
    datamodel = (await getDMMF({ datamodel: schemaText })).datamodel;
    expected = expectedFacts(datamodel, schemaText);
    db = await createTestDatabase("schema_check");
    const result = await migrate(db.url);
    expect(result.applied).toEqual(readLocalMigrations().map((m) => m.name));
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  /** Runs DDL in a transaction, reads the catalog, and rolls the DDL back. */
  async function factsAfter(ddl: string): Promise<Facts> {
    await client.query("BEGIN");
    try {
      await client.query(ddl);
      return await readDatabaseFacts(client);
    } finally {
      await client.query("ROLLBACK");
    }
  }

  it("the expectation covers every model, field, enum, index and relation of schema.prisma", () => {
    // Guards the comparison itself against silently skipping parts of the schema.
    for (const model of datamodel.models) {
      expect(expected.get(`table ${tableOf(model)}`), model.name).toBe("table");
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        expect(
          expected.has(`column ${tableOf(model)}.${columnOf(model, field.name)}`),
          `${model.name}.${field.name}`,
        ).toBe(true);
      }
    }
    for (const e of datamodel.enums) expect(expected.has(`enum ${e.dbName ?? e.name}`), e.name).toBe(true);
    const relations = datamodel.models.flatMap((m) =>
      m.fields.filter((f) => (f.relationFromFields ?? []).length > 0),
    );
    expect([...expected.keys()].filter((k) => k.startsWith("foreign key ")).length).toBe(relations.length);
    expect(
      [...expected.keys()].filter((k) => k.startsWith("index ") || k.startsWith("primary key ")).length,
    ).toBe(datamodel.indexes.length);
    expect(expected.get("column Article.searchVector")).toBe(
      "tsvector NULL GENERATED ALWAYS AS (...) STORED",
    );
    expect(expected.get("index Article_searchVector_idx")).toBe(
      'INDEX ON "Article" USING gin (searchVector)',
    );
  });

  it("has no difference with schema.prisma in either direction", async () => {
    const actual = await readDatabaseFacts(client);
    expect(diffFacts(expected, actual)).toEqual([]);
  });

  it("spot checks: Prisma's types, defaults and constraint names are what the comparison expects", async () => {
    const actual = await readDatabaseFacts(client);
    expect(actual.get("column User.id")).toBe("text NOT NULL"); // @default(cuid()): no database default
    expect(actual.get("column User.role")).toBe("enum Role NOT NULL DEFAULT 'CONTRIBUTOR'");
    expect(actual.get("column User.createdAt")).toBe(
      "timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP",
    );
    expect(actual.get("column User.updatedAt")).toBe("timestamp(3) without time zone NOT NULL"); // @updatedAt
    expect(actual.get("column User.emailVerified")).toBe("timestamp(3) without time zone NULL");
    expect(actual.get("column Media.variants")).toBe("jsonb NOT NULL DEFAULT '[]'");
    expect(actual.get("column ArticleViewDaily.day")).toBe("date NOT NULL");
    expect(actual.get("column Settings.id")).toBe("integer NOT NULL DEFAULT 1");
    expect(actual.get("primary key Account")).toBe("Account_pkey (provider, providerAccountId)");
    expect(actual.has("primary key Session")).toBe(false);
    expect(actual.get("index Article_sectionId_publishedAt_id_status_idx")).toBe(
      'INDEX ON "Article" USING btree (sectionId, publishedAt DESC, id DESC, status)',
    );
    expect(actual.has("index Article_sectionId_status_publishedAt_idx")).toBe(false);
    expect(actual.get("index CuratedSlot_list_position_key")).toBe(
      'UNIQUE INDEX ON "CuratedSlot" USING btree (list, position)',
    );
    expect(actual.get("foreign key Article_sectionId_fkey")).toBe(
      '"Article" (sectionId) REFERENCES "Section" (id) ON DELETE RESTRICT ON UPDATE CASCADE',
    );
    expect(actual.get("enum ArticleStatus")).toBe("DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED");
  });

  it("Article.searchVector is a stored generated tsvector: headline A, standfirst B, body text C; namesVector: bylines and tags B", async () => {
    const column = await client.query<{ type: string; generated: string; not_null: boolean }>(
      `SELECT format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated::text AS generated, a.attnotnull AS not_null
         FROM pg_attribute a
        WHERE a.attrelid = '"Article"'::regclass AND a.attname = 'searchVector' AND NOT a.attisdropped`,
    );
    expect(column.rows).toEqual([{ type: "tsvector", generated: "s", not_null: false }]);

    await client.query("BEGIN");
    try {
      await client.query(
        `INSERT INTO "Section" (id, slug, name, "updatedAt") VALUES ('sec', 'news', 'News', now())`,
      );
      await client.query(
        `INSERT INTO "Article" (id, slug, headline, standfirst, body, "bodyText", "sectionId", "updatedAt")
         VALUES ('art', 'zebras', 'Zebras escape', 'Keepers baffled', '{}', 'Giraffes watched calmly', 'sec', now())`,
      );
      const vector = async () =>
        (
          await client.query<{ v: string }>(
            `SELECT "searchVector"::text AS v FROM "Article" WHERE id = 'art'`,
          )
        ).rows[0]?.v;
      expect(await vector()).toBe(
        "'baffl':4B 'calm':7C 'escap':2A 'giraff':5C 'keeper':3B 'watch':6C 'zebra':1A",
      );

      // Kept up to date by the database, and a headline match ranks above a body match.
      await client.query(`UPDATE "Article" SET headline = 'Giraffes escape' WHERE id = 'art'`);
      expect(await vector()).toContain("'giraff':1A,5C");
      const found = await client.query(
        `SELECT id FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english_unaccent', 'keepers')`,
      );
      expect(found.rows).toEqual([{ id: "art" }]);

      // Its byline and tags in a vector of their own, weight B, kept by the triggers.
      await client.query(`INSERT INTO "User" (id, email, slug, name, "updatedAt") VALUES ('usr', 'u@x.example', 'u', 'Odile Marsh', now())`);
      await client.query(`INSERT INTO "ArticleAuthor" ("articleId", "userId") VALUES ('art', 'usr')`);
      await client.query(`INSERT INTO "Tag" (id, slug, name, "updatedAt") VALUES ('tag', 'parks', 'Parks', now())`);
      await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES ('art', 'tag')`);
      const names = await client.query<{ v: string; g: string }>(
        `SELECT "namesVector"::text AS v, (SELECT attgenerated::text FROM pg_attribute WHERE attrelid = '"Article"'::regclass AND attname = 'namesVector') AS g
           FROM "Article" WHERE id = 'art'`,
      );
      expect(names.rows).toEqual([{ v: "'marsh':2B 'odil':1B 'park':3B", g: "s" }]);
      expect(await vector()).toBe("'baffl':4B 'calm':7C 'escap':2A 'giraff':1A,5C 'keeper':3B 'watch':6C");

      await client.query("SAVEPOINT write_generated");
      await expect(
        client.query(`UPDATE "Article" SET "searchVector" = to_tsvector('x') WHERE id = 'art'`),
      ).rejects.toThrow(/can only be updated to DEFAULT|generated column/i);
      await client.query("ROLLBACK TO SAVEPOINT write_generated");
    } finally {
      await client.query("ROLLBACK");
    }
  });

  describe("the comparison catches a database that drifted from schema.prisma", () => {
    const cases: { change: string; ddl: string; report: RegExp }[] = [
      {
        change: "a missing index",
        ddl: `DROP INDEX "Article_status_publishedAt_idx"`,
        report: /^index Article_status_publishedAt_idx: in schema\.prisma .* but missing from the database$/,
      },
      {
        change: "an index without its DESC order",
        ddl: `DROP INDEX "Article_status_publishedAt_idx";
              CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt")`,
        report:
          /^index Article_status_publishedAt_idx: .*publishedAt DESC.*but the database has .*publishedAt\)»$/,
      },
      {
        change: "index columns in another order",
        ddl: `DROP INDEX "Correction_articleId_createdAt_idx";
              CREATE INDEX "Correction_articleId_createdAt_idx" ON "Correction"("createdAt", "articleId")`,
        report:
          /^index Correction_articleId_createdAt_idx: .*\(articleId, createdAt\).*\(createdAt, articleId\)»$/,
      },
      {
        change: "the search index not using GIN",
        ddl: `DROP INDEX "Article_searchVector_idx"; CREATE INDEX "Article_searchVector_idx" ON "Article" USING gist ("searchVector")`,
        report: /^index Article_searchVector_idx: .*USING gin.*USING gist/,
      },
      {
        change: "a unique index that is not unique",
        ddl: `DROP INDEX "User_email_key"; CREATE INDEX "User_email_key" ON "User"("email")`,
        report: /^index User_email_key: schema\.prisma implies «UNIQUE INDEX/,
      },
      {
        change: "a changed default",
        ddl: `ALTER TABLE "User" ALTER COLUMN "bio" SET DEFAULT 'x'`,
        report:
          /^column User\.bio: schema\.prisma implies «text NOT NULL DEFAULT ''» but the database has «text NOT NULL DEFAULT 'x'»$/,
      },
      {
        change: "a changed enum default",
        ddl: `ALTER TABLE "Article" ALTER COLUMN "status" SET DEFAULT 'PUBLISHED'`,
        report: /^column Article\.status: .*DEFAULT 'DRAFT'.*DEFAULT 'PUBLISHED'»$/,
      },
      {
        change: "a database default for a cuid id",
        ddl: `ALTER TABLE "Tag" ALTER COLUMN "id" SET DEFAULT md5(random()::text)`,
        report:
          /^column Tag\.id: schema\.prisma implies «text NOT NULL» but the database has «text NOT NULL DEFAULT md5/,
      },
      {
        change: "a database default for an @updatedAt column",
        ddl: `ALTER TABLE "Tag" ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP`,
        report:
          /^column Tag\.updatedAt: .*but the database has «timestamp\(3\) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP»$/,
      },
      {
        change: "an optional field that is NOT NULL",
        ddl: `ALTER TABLE "User" ALTER COLUMN "image" SET NOT NULL`,
        report:
          /^column User\.image: schema\.prisma implies «text NULL» but the database has «text NOT NULL»$/,
      },
      {
        change: "a wrong column type",
        ddl: `ALTER TABLE "Media" ALTER COLUMN "width" TYPE bigint`,
        report:
          /^column Media\.width: schema\.prisma implies «integer NOT NULL» but the database has «bigint NOT NULL»$/,
      },
      {
        change: "a timestamp without Prisma's precision",
        ddl: `ALTER TABLE "RateLimit" ALTER COLUMN "expiresAt" TYPE timestamp(6)`,
        report: /^column RateLimit\.expiresAt: .*timestamp\(3\).*timestamp\(6\)/,
      },
      {
        change: "a @db.Date column stored as a timestamp",
        ddl: `ALTER TABLE "ArticleViewDaily" ALTER COLUMN "day" TYPE timestamp(3)`,
        report: /^column ArticleViewDaily\.day: schema\.prisma implies «date NOT NULL»/,
      },
      {
        change: "a column schema.prisma does not have",
        ddl: `ALTER TABLE "Tag" ADD COLUMN "color" text`,
        report: /^column Tag\.color: in the database \(text NULL\) but not in schema\.prisma$/,
      },
      {
        change: "a missing column",
        ddl: `ALTER TABLE "Redirect" DROP COLUMN "toPath"`,
        report: /^column Redirect\.toPath: in schema\.prisma \(text NULL\) but missing from the database$/,
      },
      {
        change: "a table schema.prisma does not have",
        ddl: `CREATE TABLE "Stray" ("id" integer PRIMARY KEY)`,
        report: /^table Stray: in the database \(table\) but not in schema\.prisma$/,
      },
      {
        change: "a missing table",
        ddl: `DROP TABLE "RateLimit"`,
        report: /^table RateLimit: in schema\.prisma \(table\) but missing from the database$/,
      },
      {
        change: "a missing compound primary key",
        ddl: `ALTER TABLE "VerificationToken" DROP CONSTRAINT "VerificationToken_pkey"`,
        report:
          /^primary key VerificationToken: in schema\.prisma \(VerificationToken_pkey \(identifier, token\)\) but missing/,
      },
      {
        change: "a primary key with another column order",
        ddl: `ALTER TABLE "ArticleTag" DROP CONSTRAINT "ArticleTag_pkey";
              ALTER TABLE "ArticleTag" ADD CONSTRAINT "ArticleTag_pkey" PRIMARY KEY ("tagId", "articleId")`,
        report: /^primary key ArticleTag: .*\(articleId, tagId\).*\(tagId, articleId\)»$/,
      },
      {
        change: "a primary key not named the Prisma way",
        ddl: `ALTER TABLE "Tag" RENAME CONSTRAINT "Tag_pkey" TO "tag_pk"`,
        report:
          /^primary key Tag: schema\.prisma implies «Tag_pkey \(id\)» but the database has «tag_pk \(id\)»$/,
      },
      {
        change: "a foreign key with another ON DELETE",
        ddl: `ALTER TABLE "Article" DROP CONSTRAINT "Article_sectionId_fkey";
              ALTER TABLE "Article" ADD CONSTRAINT "Article_sectionId_fkey" FOREIGN KEY ("sectionId")
                REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
        report: /^foreign key Article_sectionId_fkey: .*ON DELETE RESTRICT.*ON DELETE CASCADE/,
      },
      {
        change: "a foreign key without ON UPDATE CASCADE",
        ddl: `ALTER TABLE "Media" DROP CONSTRAINT "Media_uploadedById_fkey";
              ALTER TABLE "Media" ADD CONSTRAINT "Media_uploadedById_fkey" FOREIGN KEY ("uploadedById")
                REFERENCES "User"("id") ON DELETE SET NULL`,
        report: /^foreign key Media_uploadedById_fkey: .*ON UPDATE CASCADE».*ON UPDATE NO ACTION»$/,
      },
      {
        change: "a missing foreign key",
        ddl: `ALTER TABLE "Revision" DROP CONSTRAINT "Revision_authorId_fkey"`,
        report: /^foreign key Revision_authorId_fkey: in schema\.prisma .* but missing from the database$/,
      },
      {
        change: "an enum with an extra value",
        ddl: `ALTER TYPE "Role" ADD VALUE 'OWNER'`,
        report:
          /^enum Role: schema\.prisma implies «CONTRIBUTOR, AUTHOR, EDITOR, ADMIN» but the database has «CONTRIBUTOR, AUTHOR, EDITOR, ADMIN, OWNER»$/,
      },
      {
        change: "enum values in another order",
        ddl: `ALTER TYPE "CurationList" RENAME VALUE 'FRONT_PAGE' TO 'TMP';
              ALTER TYPE "CurationList" RENAME VALUE 'EDITORS_PICKS' TO 'FRONT_PAGE';
              ALTER TYPE "CurationList" RENAME VALUE 'TMP' TO 'EDITORS_PICKS'`,
        report: /^enum CurationList: .*«FRONT_PAGE, EDITORS_PICKS».*«EDITORS_PICKS, FRONT_PAGE»$/,
      },
      {
        change: "a CHECK constraint schema.prisma cannot express",
        ddl: `ALTER TABLE "Redirect" ADD CONSTRAINT "Redirect_status_check" CHECK ("statusCode" IN (301, 410))`,
        report: /^constraint Redirect_status_check: in the database .* but not in schema\.prisma$/,
      },
      {
        change: "searchVector that is no longer generated",
        ddl: `ALTER TABLE "Article" ALTER COLUMN "searchVector" DROP EXPRESSION`,
        report:
          /^column Article\.searchVector: schema\.prisma implies «tsvector NULL GENERATED ALWAYS AS \(\.\.\.\) STORED» but the database has «tsvector NULL»$/,
      },
      {
        change: "a missing trigger that keeps the search names",
        ddl: `DROP TRIGGER "User_search_names_update" ON "User"`,
        report: /^trigger User_search_names_update: in schema\.prisma \(on "User"\) but missing from the database$/,
      },
    ];

    it.each(cases)("reports $change", async ({ ddl, report }) => {
      const diff = diffFacts(expected, await factsAfter(ddl));
      expect(diff.length, diff.join("\n")).toBeGreaterThan(0);
      expect(
        diff.some((line) => report.test(line)),
        `no line matching ${report} in:\n${diff.join("\n")}`,
      ).toBe(true);
    });

    it("leaves the database untouched (every change above was rolled back)", async () => {
      expect(diffFacts(expected, await readDatabaseFacts(client))).toEqual([]);
    });

    it("reports a schema.prisma that drifted from the database (mutated DMMF)", async () => {
      const actual = await readDatabaseFacts(client);
      const mutate = (model: string, field: string, change: (f: Field) => Field): Datamodel => ({
        ...datamodel,
        models: datamodel.models.map((m) =>
          m.name !== model ? m : { ...m, fields: m.fields.map((f) => (f.name === field ? change(f) : f)) },
        ),
      });
      const cases: [string, Datamodel, RegExp][] = [
        [
          "a default",
          mutate("Settings", "language", (f) => ({ ...f, default: "fr" })),
          /^column Settings\.language: schema\.prisma implies «text NOT NULL DEFAULT 'fr'» but the database has «text NOT NULL DEFAULT 'en'»$/,
        ],
        [
          "a default of now()",
          mutate("Settings", "updatedAt", (f) => ({
            ...f,
            isUpdatedAt: false,
            hasDefaultValue: true,
            default: { name: "now", args: [] },
          })),
          /^column Settings\.updatedAt: .*DEFAULT CURRENT_TIMESTAMP» but the database has «timestamp\(3\) without time zone NOT NULL»$/,
        ],
        [
          "optionality",
          mutate("User", "name", (f) => ({ ...f, isRequired: false })),
          /^column User\.name: schema\.prisma implies «text NULL» but the database has «text NOT NULL»$/,
        ],
        [
          "a native type",
          mutate("Invitation", "expiresAt", (f) => ({ ...f, nativeType: ["Date", []] })),
          /^column Invitation\.expiresAt: schema\.prisma implies «date NOT NULL»/,
        ],
        [
          "the default onDelete of an optional relation (SetNull)",
          mutate("AuditLog", "actor", (f) => ({ ...f, relationOnDelete: undefined })),
          /^$/, // SetNull is Prisma's default for an optional relation: no difference
        ],
        [
          "the default onDelete of a required relation (Restrict)",
          mutate("Correction", "article", (f) => ({ ...f, relationOnDelete: undefined })),
          /^foreign key Correction_articleId_fkey: .*ON DELETE RESTRICT.*ON DELETE CASCADE/,
        ],
        [
          "a field the database lacks",
          mutate("Tag", "name", (f) => ({ ...f, name: "title" })),
          /^column Tag\.title: in schema\.prisma \(text NOT NULL\) but missing from the database$/,
        ],
        [
          "an index's sort order",
          {
            ...datamodel,
            indexes: datamodel.indexes.map((i) =>
              i.model === "AuditLog" && i.fields[0]?.name === "createdAt"
                ? { ...i, fields: [{ name: "createdAt" }] }
                : i,
            ),
          },
          /^index AuditLog_createdAt_idx: .*\(createdAt\)».*\(createdAt DESC\)»$/,
        ],
        [
          "an enum",
          {
            ...datamodel,
            enums: datamodel.enums.map((e) => (e.name === "Role" ? { ...e, values: e.values.slice(1) } : e)),
          },
          /^enum Role: schema\.prisma implies «AUTHOR, EDITOR, ADMIN»/,
        ],
      ];
      for (const [what, mutated, report] of cases) {
        const diff = diffFacts(expectedFacts(mutated, schemaText), actual);
        if (report.source === "^$") expect(diff, what).toEqual([]);
        else
          expect(
            diff.some((line) => report.test(line)),
            `${what}: no line matching ${report} in:\n${diff.join("\n")}`,
          ).toBe(true);
      }
    });
  });
});
