/**
 * Every field type and option of a value, served from test/models-py/types.py over HTTP and
 * seeded from a dumpdata file: what reads back from the fixtures, CRUD per type, each filter
 * operator per type, the codes of bad values, defaults, auto_now, the choices enums and the
 * inputs that leave out what the server sets.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { modelClasses } from "../src/models/entities.js";
import { readFixtures } from "../src/models/fixtures.js";
import { readModelsFile, readModelsSource } from "../src/models/python/definitions.js";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";

type Data = Record<string, unknown>;

describe("the field types and options of a models.py", () => {
  let playground: TestPlayground;
  before(async () => {
    playground = await TestPlayground.start({
      models: projectFile("test", "models-py", "types.py"),
      fixtures: projectFile("test", "fixtures", "types-dumpdata.json"),
    });
  });
  after(() => playground.close());

  async function data(query: string, variables?: Data): Promise<Data> {
    const response = await playground.post({ query, variables });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data as Data;
  }

  async function failure(query: string, variables?: Data) {
    const response = await playground.post({ query, variables });
    assert.ok(response.errors?.length, `expected an error, got ${JSON.stringify(response.data)}`);
    return { code: response.errors[0]!.extensions?.code, message: response.errors[0]!.message };
  }

  const measureFields = "id count small big positive positiveSmall positiveBig ratio price done";
  const momentFields = "id day at clock took ref";
  const ticketFields = "id title note size priority copies cost openedOn openedAt token created updated code";

  test("rows loaded from dumpdata read back field for field", async () => {
    assert.deepEqual(
      await data(`{ measures { ${measureFields} } moments { ${momentFields} } tickets { ${ticketFields} } }`),
      {
        measures: [
          {
            id: "1",
            count: -5,
            small: 7,
            big: 4503599627370497,
            positive: 0,
            positiveSmall: 32767,
            positiveBig: 4503599627370497,
            ratio: 0.25,
            price: "1234.50",
            done: false,
          },
        ],
        moments: [
          {
            id: "1",
            day: "2024-02-29",
            at: "2024-02-29T23:30:00.123Z",
            clock: "08:15:30.250000",
            took: "P1DT02H03M04.500000S",
            ref: "12345678-1234-5678-1234-567812345678",
          },
          {
            id: "2",
            day: null,
            at: "2024-02-29T23:30:00.000Z",
            clock: "23:59:59",
            took: "P0DT00H00M10S",
            ref: null,
          },
        ],
        tickets: [
          {
            id: "1",
            title: "fixture",
            note: "",
            size: "_in_between",
            priority: "_1",
            copies: 3,
            cost: "2.00",
            openedOn: "2020-01-01",
            openedAt: "2020-01-01T00:00:00.000Z",
            token: "0b7f3a4e-6c1d-4a5b-9e2f-3c4d5e6f7a8b",
            created: "2019-12-31T23:00:00.000Z",
            updated: "2020-01-02T10:00:00.500Z",
            code: "fx",
          },
        ],
      },
    );
    // Stored as Django stores them: decimals quantized, durations in microseconds, UUIDs as 32
    // hex digits on SQLite and in PostgreSQL's own uuid type, which reads back with dashes.
    const engine = playground.server.engine.dialect.name;
    assert.deepEqual(await playground.rows('SELECT "price" FROM "measure"'), [{ price: "1234.50" }]);
    assert.deepEqual(await playground.rows('SELECT "ref", "took" FROM "moment" WHERE "id" = 1'), [
      {
        ref: engine === "sqlite" ? "12345678123456781234567812345678" : "12345678-1234-5678-1234-567812345678",
        took: 93_784_500_000,
      },
    ]);
    if (engine === "postgres") {
      assert.deepEqual(
        await playground.rows(
          "SELECT column_name AS name, data_type AS type FROM information_schema.columns " +
            "WHERE table_name IN ('measure', 'moment') AND column_name IN ('price', 'at', 'ref') ORDER BY column_name",
        ),
        [
          { name: "at", type: "timestamp with time zone" },
          { name: "price", type: "numeric" },
          { name: "ref", type: "uuid" },
        ],
      );
    }
  });

  describe("CRUD and filters", () => {
    before(async () => {
      await playground.server.reset();
      await data(`mutation {
        m2: createMeasure(input: { count: 10, small: -32768, big: "9223372036854775807", positive: 2147483647, positiveSmall: 0, positiveBig: "9223372036854775807", ratio: 1.5, price: "9.99", done: true }) { id }
        m3: createMeasure(input: { count: 20, big: "-9223372036854775808", price: "10" }) { id }
        m4: createMeasure(input: {}) { id }
        t3: createMoment(input: { day: "2024-03-01", at: "2024-02-29T22:00:00-02:00", clock: "08:15:30", took: "PT1H", ref: "{ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB}" }) { id }
        t4: createMoment(input: {}) { id }
      }`);
    });

    test("values of every type are created, read and updated exactly", async () => {
      assert.deepEqual(await data(`{ measure(id: "2") { ${measureFields} } }`), {
        measure: {
          id: "2",
          count: 10,
          small: -32768,
          big: "9223372036854775807",
          positive: 2147483647,
          positiveSmall: 0,
          positiveBig: "9223372036854775807",
          ratio: 1.5,
          price: "9.99",
          done: true,
        },
      });
      assert.deepEqual(await data(`{ moment(id: "3") { ${momentFields} } }`), {
        moment: {
          id: "3",
          day: "2024-03-01",
          at: "2024-03-01T00:00:00.000Z",
          clock: "08:15:30",
          took: "P0DT01H00M00S",
          ref: "abcdefab-cdef-abcd-efab-cdefabcdefab",
        },
      });
      assert.deepEqual(
        await data(`mutation {
          updateMeasure(id: "4", input: { big: -1, positiveBig: 5, price: "-0.5", done: false, small: 32767 }) { big positiveBig price done small count }
        }`),
        { updateMeasure: { big: -1, positiveBig: 5, price: "-0.50", done: false, small: 32767, count: null } },
      );
      assert.deepEqual(
        await data(`mutation {
          updateMoment(id: "4", input: { at: "2030-06-01T12:00:00.5+00:00", clock: "00:00", took: "-PT1.25S", ref: "00000000000000000000000000000001" }) { at clock took ref }
        }`),
        {
          updateMoment: {
            at: "2030-06-01T12:00:00.500Z",
            clock: "00:00:00",
            took: "-P0DT00H00M01.250000S",
            ref: "00000000-0000-0000-0000-000000000001",
          },
        },
      );
      await data(`mutation { updateMeasure(id: "4", input: { big: null, positiveBig: null, price: null, done: null, small: null }) { id }
        updateMoment(id: "4", input: { at: null, clock: null, took: null, ref: null }) { id } }`);
      assert.deepEqual(await data(`{ measure(id: "4") { ${measureFields} } moment(id: "4") { ${momentFields} } }`), {
        measure: {
          id: "4",
          count: null,
          small: null,
          big: null,
          positive: null,
          positiveSmall: null,
          positiveBig: null,
          ratio: null,
          price: null,
          done: null,
        },
        moment: { id: "4", day: null, at: null, clock: null, took: null, ref: null },
      });
      const created = await data('mutation { createMeasure(input: { price: "1" }) { id } }');
      const id = (created.createMeasure as { id: string }).id;
      assert.deepEqual(await data(`mutation { deleteMeasure(id: "${id}") { total } }`), {
        deleteMeasure: { total: 1 },
      });
    });

    // Rows: measures 1 (fixture) to 4 (all null); moments 1 and 2 (fixtures), 3, and 4 (all null).
    const cases: Array<[list: string, where: string, ids: number[]]> = [
      ["measures", "count: { eq: 10 }", [2]],
      ["measures", "count: { ne: 10 }", [1, 3, 4]],
      ["measures", "count: { in: [10, 20] }", [2, 3]],
      ["measures", "count: { notIn: [10] }", [1, 3, 4]],
      ["measures", "count: { lt: 10 }", [1]],
      ["measures", "count: { lte: 10 }", [1, 2]],
      ["measures", "count: { gt: 10 }", [3]],
      ["measures", "count: { gte: 10 }", [2, 3]],
      ["measures", "count: { isNull: true }", [4]],
      ["measures", "small: { lt: 0 }", [2]],
      ["measures", "positiveSmall: { in: [0, 32767] }", [1, 2]],
      ["measures", 'big: { eq: "9223372036854775807" }', [2]],
      ["measures", 'big: { ne: "9223372036854775807" }', [1, 3, 4]],
      ["measures", 'big: { in: ["9223372036854775807", 4503599627370497] }', [1, 2]],
      ["measures", 'big: { notIn: ["-9223372036854775808"] }', [1, 2, 4]],
      ["measures", "big: { gt: 0 }", [1, 2]],
      ["measures", 'big: { lt: "-9223372036854775807" }', [3]],
      ["measures", "big: { lte: 4503599627370497 }", [1, 3]],
      ["measures", 'big: { gte: "4503599627370498" }', [2]],
      ["measures", "big: { isNull: false }", [1, 2, 3]],
      ["measures", 'positiveBig: { gt: "4503599627370497" }', [2]],
      ["measures", "ratio: { gt: 1 }", [2]],
      ["measures", "ratio: { lte: 0.25 }", [1]],
      // As text "10.00" would sort before "9.99"; decimals compare as numbers.
      ["measures", 'price: { eq: "10" }', [3]],
      ["measures", 'price: { ne: "9.990" }', [1, 3, 4]],
      ["measures", 'price: { in: ["9.99", "1234.5"] }', [1, 2]],
      ["measures", 'price: { notIn: ["1234.500"] }', [2, 3, 4]],
      ["measures", 'price: { lt: "10" }', [2]],
      ["measures", 'price: { lte: "10" }', [2, 3]],
      ["measures", 'price: { gt: "9.999" }', [1, 3]],
      ["measures", 'price: { gte: "1E+3" }', [1]],
      ["measures", "price: { isNull: true }", [4]],
      ["measures", "done: { eq: true }", [2]],
      ["measures", "done: { ne: true }", [1, 3, 4]],
      ["measures", "done: { isNull: true }", [3, 4]],
      ["moments", 'day: { gte: "2024-03-01" }', [3]],
      // The same instant written in another offset.
      ["moments", 'at: { eq: "2024-03-01T01:30:00+02:00" }', [2]],
      ["moments", 'at: { ne: "2024-02-29T23:30:00Z" }', [1, 3, 4]],
      ["moments", 'at: { in: ["2024-02-29T23:30:00.123Z", "2024-03-01T00:00:00Z"] }', [1, 3]],
      ["moments", 'at: { notIn: ["2024-02-29T23:30:00.123Z"] }', [2, 3, 4]],
      ["moments", 'at: { lt: "2024-02-29T23:30:00.123Z" }', [2]],
      ["moments", 'at: { lte: "2024-03-01T00:30:00.123+01:00" }', [1, 2]],
      ["moments", 'at: { gt: "2024-02-29T19:30:00-04:00" }', [1, 3]],
      ["moments", 'at: { gte: "2024-03-01T00:00:00Z" }', [3]],
      ["moments", "at: { isNull: true }", [4]],
      ["moments", 'clock: { eq: "08:15:30" }', [3]],
      ["moments", 'clock: { ne: "08:15:30" }', [1, 2, 4]],
      ["moments", 'clock: { in: ["08:15:30.25", "23:59:59"] }', [1, 2]],
      ["moments", 'clock: { notIn: ["23:59:59"] }', [1, 3, 4]],
      ["moments", 'clock: { lt: "08:15:30.1" }', [3]],
      ["moments", 'clock: { lte: "08:15:30.250" }', [1, 3]],
      ["moments", 'clock: { gt: "08:15:30" }', [1, 2]],
      ["moments", 'clock: { gte: "12:00" }', [2]],
      ["moments", "clock: { isNull: true }", [4]],
      ["moments", 'took: { eq: "PT10S" }', [2]],
      ["moments", 'took: { ne: "PT10S" }', [1, 3, 4]],
      ["moments", 'took: { in: ["P1DT2H3M4.5S", "PT60M"] }', [1, 3]],
      ["moments", 'took: { notIn: ["PT1H"] }', [1, 2, 4]],
      ["moments", 'took: { lt: "PT1H" }', [2]],
      ["moments", 'took: { lte: "PT3600S" }', [2, 3]],
      ["moments", 'took: { gt: "PT10S" }', [1, 3]],
      ["moments", 'took: { gte: "P1D" }', [1]],
      ["moments", "took: { isNull: false }", [1, 2, 3]],
      ["moments", 'ref: { eq: "12345678123456781234567812345678" }', [1]],
      ["moments", 'ref: { ne: "12345678-1234-5678-1234-567812345678" }', [2, 3, 4]],
      [
        "moments",
        'ref: { in: ["abcdefab-cdef-abcd-efab-cdefabcdefab", "urn:uuid:12345678-1234-5678-1234-567812345678"] }',
        [1, 3],
      ],
      ["moments", 'ref: { notIn: ["abcdefab-cdef-abcd-efab-cdefabcdefab"] }', [1, 2, 4]],
      ["moments", "ref: { isNull: true }", [2, 4]],
    ];
    for (const [list, where, ids] of cases) {
      test(`${list}(where: { ${where} })`, async () => {
        const result = await data(
          `{ rows: ${list}(where: { ${where} }) { id } count: ${list}Count(where: { ${where} }) }`,
        );
        assert.deepEqual(result, { rows: ids.map((id) => ({ id: String(id) })), count: ids.length });
      });
    }

    test("lists order decimals, instants and durations by value", async () => {
      assert.deepEqual(await data("{ measures(orderBy: [{ price: DESC }]) { id } }"), {
        measures: [{ id: "1" }, { id: "3" }, { id: "2" }, { id: "4" }],
      });
      assert.deepEqual(
        await data("{ moments(orderBy: [{ at: ASC }]) { id } byTook: moments(orderBy: [{ took: DESC }]) { id } }"),
        {
          moments: [{ id: "4" }, { id: "2" }, { id: "1" }, { id: "3" }],
          byTook: [{ id: "1" }, { id: "3" }, { id: "2" }, { id: "4" }],
        },
      );
      const page = await data(
        "{ measuresConnection(first: 2, orderBy: [{ price: ASC }]) { nodes { id } pageInfo { endCursor } } }",
      );
      const { endCursor } = (page.measuresConnection as { pageInfo: { endCursor: string } }).pageInfo;
      assert.deepEqual(
        await data(
          `{ measuresConnection(first: 2, after: "${endCursor}", orderBy: [{ price: ASC }]) { nodes { id } } }`,
        ),
        {
          measuresConnection: { nodes: [{ id: "3" }, { id: "1" }] },
        },
      );
    });
  });

  test("connections page by a column of every kind, cursor by cursor, in the list's order", async () => {
    for (const [list, field] of [
      ["measures", "count"],
      ["measures", "big"],
      ["measures", "ratio"],
      ["measures", "price"],
      ["measures", "done"],
      ["moments", "at"],
      ["moments", "clock"],
      ["moments", "took"],
      ["moments", "ref"],
    ] as const) {
      for (const direction of ["ASC", "DESC"]) {
        const orderBy = `[{ ${field}: ${direction} }]`;
        const listed = (await data(`{ rows: ${list}(orderBy: ${orderBy}) { id } }`)).rows as Array<{ id: string }>;
        const paged: Array<{ id: string }> = [];
        let after: string | null = null;
        for (;;) {
          const page = (
            await data(
              `query($after: String) { page: ${list}Connection(first: 1, after: $after, orderBy: ${orderBy}) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
              { after },
            )
          ).page as { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
          paged.push(...page.nodes);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        assert.deepEqual(paged, listed, `${list} by ${field} ${direction}`);
      }
    }
  });

  describe("values Django would refuse are BAD_USER_INPUT, and nothing is written", () => {
    const refusals: Array<[what: string, mutation: string, message: RegExp]> = [
      ["a negative PositiveIntegerField", "createMeasure(input: { positive: -1 })", /at least 0/],
      ["a PositiveSmallIntegerField past its range", "createMeasure(input: { positiveSmall: 32768 })", /at most 32767/],
      ["a SmallIntegerField past its range", "createMeasure(input: { small: -32769 })", /at least -32768/],
      ["a negative PositiveBigIntegerField", 'createMeasure(input: { positiveBig: "-1" })', /at least 0/],
      [
        "a BigIntegerField past 64 bits",
        'createMeasure(input: { big: "9223372036854775808" })',
        /at most 9223372036854775807/,
      ],
      ["a BigInt that is no integer", 'createMeasure(input: { big: "1.5" })', /BigInt/],
      [
        "a decimal with too many digits",
        'createMeasure(input: { price: "12345.6" })',
        /more than 4 digits before the decimal point/,
      ],
      ["a decimal with too many places", 'createMeasure(input: { price: "1.234" })', /more than 2 decimal places/],
      [
        "a decimal with too many digits in all",
        'createMeasure(input: { price: "0.0000001" })',
        /more than 6 digits in total/,
      ],
      ["text that is no decimal", 'createMeasure(input: { price: "NaN" })', /not a decimal number/],
      ["a date-time that is no date", 'createMoment(input: { at: "2024-02-30T00:00:00Z" })', /DateTime/],
      ["a time past midnight", 'createMoment(input: { clock: "24:00:00" })', /not a time/],
      ["a duration in months", 'createMoment(input: { took: "P1M" })', /not an ISO 8601 duration/],
      ["text that is no UUID", 'createMoment(input: { ref: "1234" })', /not a UUID/],
      ["empty text without blank=True", 'createTicket(input: { title: "" })', /cannot be empty/],
      ["a choice that is not one", 'createTicket(input: { title: "a", size: XL })', /XL/],
      [
        "an update with a malformed decimal",
        'updateMeasure(id: "1", input: { price: "1.2.3" })',
        /not a decimal number/,
      ],
    ];
    for (const [what, mutation, message] of refusals) {
      test(what, async () => {
        const before = await playground.contents();
        const refused = await failure(`mutation { ${mutation} { id } }`);
        assert.equal(refused.code, "BAD_USER_INPUT", refused.message);
        assert.match(refused.message, message);
        assert.deepEqual(await playground.contents(), before);
      });
    }

    test("in filters too", async () => {
      for (const [list, where] of [
        ["measures", 'price: { gt: "ten" }'],
        ["measures", 'big: { eq: "1e3" }'],
        ["moments", 'ref: { eq: "x" }'],
        ["moments", 'took: { in: ["soon"] }'],
        ["moments", 'at: { lt: "yesterday" }'],
        ["moments", 'clock: { gte: "noon" }'],
      ]) {
        const refused = await failure(`{ ${list}(where: { ${where} }) { id } }`);
        assert.equal(refused.code, "BAD_USER_INPUT", `${where}: ${refused.message}`);
      }
    });

    test("a taken UUID is a CONFLICT", async () => {
      const refused = await failure(
        'mutation { createMoment(input: { ref: "12345678-1234-5678-1234-567812345678" }) { id } }',
      );
      assert.equal(refused.code, "CONFLICT", refused.message);
    });
  });

  describe("defaults, auto_now, editable=False and choices", () => {
    test("a create gets every default, the callables called per row, and the times the server sets", async () => {
      const before = new Date().toISOString();
      const created = await data(
        `mutation { a: createTicket(input: { title: "a" }) { ${ticketFields} } b: createTicket(input: { title: "b" }) { token } }`,
      );
      const after = new Date().toISOString();
      const ticket = created.a as Record<string, string | number | null>;
      assert.deepEqual(
        { ...ticket, id: undefined, openedAt: undefined, token: undefined, created: undefined, updated: undefined },
        {
          id: undefined,
          title: "a",
          note: "",
          size: "M",
          priority: null,
          copies: 1,
          cost: "0.50",
          openedOn: after.slice(0, 10),
          openedAt: undefined,
          token: undefined,
          created: undefined,
          updated: undefined,
          code: "",
        },
      );
      for (const instant of [ticket.openedAt, ticket.created, ticket.updated] as string[]) {
        assert.ok(instant >= before && instant <= after, `${instant} is between ${before} and ${after}`);
      }
      assert.match(ticket.token as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notEqual(ticket.token, (created.b as { token: string }).token);
    });

    test("an update sets auto_now and keeps auto_now_add", async () => {
      const before = new Date().toISOString();
      assert.deepEqual(await data('mutation { updateTicket(id: "1", input: { note: "seen" }) { note created } }'), {
        updateTicket: { note: "seen", created: "2019-12-31T23:00:00.000Z" },
      });
      const { ticket } = (await data('{ ticket(id: "1") { updated token } }')) as {
        ticket: { updated: string; token: string };
      };
      assert.ok(ticket.updated >= before, `${ticket.updated} is not before ${before}`);
      assert.equal(ticket.token, "0b7f3a4e-6c1d-4a5b-9e2f-3c4d5e6f7a8b");
    });

    test("inputs leave out what the server sets and make defaults optional", async () => {
      const fields = async (name: string) => {
        const { __type } = (await data(`{ __type(name: "${name}") { inputFields { name type { kind } } } }`)) as {
          __type: { inputFields: Array<{ name: string; type: { kind: string } }> };
        };
        return Object.fromEntries(__type.inputFields.map((field) => [field.name, field.type.kind]));
      };
      assert.deepEqual(await fields("CreateTicketInput"), {
        title: "NON_NULL",
        note: "SCALAR",
        size: "ENUM",
        priority: "ENUM",
        copies: "SCALAR",
        cost: "SCALAR",
        openedOn: "SCALAR",
        openedAt: "SCALAR",
      });
      assert.deepEqual(Object.keys(await fields("UpdateTicketInput")), Object.keys(await fields("CreateTicketInput")));
    });

    test("choices are enums of the stored values, labels as descriptions, filtered by their own input", async () => {
      const { size, priority } = (await data(`{
        size: __type(name: "TicketSizeChoice") { enumValues { name description } }
        priority: __type(name: "TicketPriorityChoice") { enumValues { name description } }
      }`)) as Record<string, { enumValues: unknown }>;
      assert.deepEqual(size!.enumValues, [
        { name: "S", description: "Small" },
        { name: "M", description: "Medium" },
        { name: "_in_between", description: "In between" },
      ]);
      assert.deepEqual(priority!.enumValues, [
        { name: "_1", description: "Low" },
        { name: "_2", description: "High" },
      ]);
      const created = (
        await data('mutation { createTicket(input: { title: "c", size: S, priority: _2 }) { id size priority } }')
      ).createTicket as { id: string };
      assert.deepEqual(
        await playground.rows('SELECT "size", "priority" FROM "ticket" WHERE "id" = ?', Number(created.id)),
        [{ size: "S", priority: 2 }],
      );
      assert.deepEqual(
        await data("{ tickets(where: { size: { in: [S, _in_between] }, priority: { ne: _1 } }) { size priority } }"),
        { tickets: [{ size: "S", priority: "_2" }] },
      );
      const { filter } = (await data(
        '{ filter: __type(name: "TicketSizeChoiceFilter") { inputFields { name } } }',
      )) as {
        filter: { inputFields: Array<{ name: string }> };
      };
      assert.deepEqual(
        filter.inputFields.map((field) => field.name),
        ["eq", "ne", "in", "notIn", "isNull"],
      );
    });

    test("help_text describes the field; the filter inputs are one per kind", async () => {
      const { measure, types } = (await data(`{
        measure: __type(name: "Measure") { fields { name description } }
        types: __schema { types { name } }
      }`)) as {
        measure: { fields: Array<{ name: string; description: string }> };
        types: { types: Array<{ name: string }> };
      };
      assert.equal(measure.fields.find((field) => field.name === "price")!.description, "In euros.");
      const names = new Set(types.types.map((type) => type.name));
      for (const filter of [
        "IntFilter",
        "BigIntFilter",
        "FloatFilter",
        "DecimalFilter",
        "BooleanFilter",
        "DateFilter",
        "DateTimeFilter",
        "TimeFilter",
        "DurationFilter",
        "UUIDFilter",
      ]) {
        assert.ok(names.has(filter), filter);
      }
    });
  });
});

describe("what no row could hold stops the start with its place", () => {
  const header = "from django.db import models\n\n\n";
  for (const [what, body, expected] of [
    [
      "a default that is no value of the field",
      'class A(models.Model):\n    price = models.DecimalField(max_digits=4, decimal_places=2, default="1.234")\n',
      /models\.py:5:5: found default="1\.234", which has more than 2 decimal places/,
    ],
    [
      "a field left out of the inputs that no new row gets a value for",
      "class A(models.Model):\n    n = models.IntegerField(editable=False)\n",
      /models\.py:5:5: found editable=False without a default or null=True/,
    ],
    [
      "choices that would be one enum value",
      'class A(models.Model):\n    kind = models.CharField(max_length=3, choices=[("a-b", "A"), ("a.b", "B")])\n',
      /models\.py:5:5: found choices "a-b" and "a\.b", both the enum value _a_b/,
    ],
  ] as const) {
    test(what, () => {
      assert.throws(() => modelClasses(readModelsSource(header + body).models, "models.py"), expected);
    });
  }

  test("a fixture value Django could not have saved", (context) => {
    const folder = mkdtempSync(join(tmpdir(), "playground-types-"));
    context.after(() => rmSync(folder, { recursive: true, force: true }));
    const { models } = readModelsFile(projectFile("test", "models-py", "types.py"));
    for (const [fields, expected] of [
      [{ positive: -1 }, /object 1: Measure\.positive must be at least 0/],
      [{ price: "99999.5" }, /object 1: Measure\.price has more than 4 digits before the decimal point/],
    ] as const) {
      const path = join(folder, "dump.json");
      writeFileSync(path, JSON.stringify([{ model: "types.measure", pk: 1, fields }]));
      assert.throws(() => readFixtures(path, models), expected);
    }
  });
});
