/**
 * Django's field values in the one form each is stored in, on every engine: what an input, a
 * filter, a default or a fixture gives is checked and brought to that form here, so that
 * equal values are stored alike and text comparison orders the text-stored kinds correctly.
 *
 * - Booleans travel as "1" and "0", which both engines read into their boolean column.
 * - Big integers travel as decimal text when past the safe integers, so that no digit is lost.
 * - Decimals are text with exactly `decimal_places` digits after the point (`"9.50"`), as
 *   Django's adapter quantizes them; they compare as numbers in SQL.
 * - Date-times are UTC instants as `YYYY-MM-DDTHH:MM:SS.mmmZ` (the milliseconds dumpdata keeps).
 * - Times are Python's `isoformat()`: `HH:MM:SS`, or `HH:MM:SS.ffffff` with microseconds.
 * - Durations are whole microseconds, as Django stores them on SQLite.
 * - UUIDs are 32 lowercase hex digits, as Django stores them on SQLite (PostgreSQL's `uuid`
 *   reads the same text).
 */
import { randomUUID } from "node:crypto";
import { badInput } from "../errors.js";
import type { FieldDefault, ScalarFieldDefinition, ScalarType } from "./definition.js";

/**
 * A boolean as both engines bind it: SQLite's driver binds no `true` and keeps Django's
 * booleans as 1 and 0 (its boolean column turns the text into the integer), and PostgreSQL
 * reads the text "1" and "0" as a boolean where a number would not be one.
 */
export function booleanValue(value: unknown): string {
  return value ? "1" : "0";
}

/** Why a value was refused, for the caller to word as its error (BAD_USER_INPUT or a start refusal). */
export class ValueError extends Error {}

/** `convert`'s result, or its ValueError as BAD_USER_INPUT naming the value's place (`path`) and argument. */
export function asBadInput<T>(convert: () => T, path: string, argument: string): T {
  try {
    return convert();
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    throw badInput(`${path} ${error.message}.`, { argument });
  }
}

/** Django's `integer_field_ranges`, which its model validation applies on every backend. */
const integerRanges: Partial<Record<ScalarType, readonly [bigint, bigint]>> = {
  SmallIntegerField: [-32768n, 32767n],
  IntegerField: [-2147483648n, 2147483647n],
  BigIntegerField: [-9223372036854775808n, 9223372036854775807n],
  PositiveSmallIntegerField: [0n, 32767n],
  PositiveIntegerField: [0n, 2147483647n],
  PositiveBigIntegerField: [0n, 9223372036854775807n],
};

/** An integer of any size as the engines bind it exactly: a number while safe, else its digits. */
export function integerValue(value: number | bigint): number | string {
  return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
}

/** Refuses an integer outside the field type's range, as Django's Min/MaxValueValidator do. */
export function checkIntegerRange(type: ScalarType, value: number | bigint | string): void {
  const range = integerRanges[type];
  if (!range) return;
  const integer = BigInt(value);
  if (integer < range[0]) throw new ValueError(`must be at least ${range[0]} (${type}); got ${integer}`);
  if (integer > range[1]) throw new ValueError(`must be at most ${range[1]} (${type}); got ${integer}`);
}

const decimalSyntax = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal's sign, its digits without leading zeros, and how many of them follow the point. */
interface DecimalParts {
  negative: boolean;
  digits: string;
  scale: number;
}

function decimalParts(text: string): DecimalParts {
  const match = decimalSyntax.exec(text);
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match ?? [];
  if (!match || whole.length + fraction.length === 0) {
    throw new ValueError(`is not a decimal number such as "9.50"; got ${JSON.stringify(text)}`);
  }
  let digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, "");
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    // A positive exponent adds trailing zeros, which count as digits (Decimal("1E+2") has 3).
    if (digits !== "0") digits += "0".repeat(-scale);
    scale = 0;
  }
  return { negative: sign === "-", digits, scale };
}

/**
 * Django's DecimalValidator: at most `max_digits` digits, `decimal_places` of them after the
 * point. Returns the value quantized to `decimal_places`, as Django stores it.
 */
export function decimalValue(text: string, maxDigits: number, decimalPlaces: number): string {
  const { negative, digits, scale } = decimalParts(text);
  // Digits after the point that the written value has, leading zeros after the point included.
  const decimals = scale;
  const total = Math.max(digits.length, decimals);
  const whole = total - decimals;
  if (total > maxDigits) throw new ValueError(`has more than ${maxDigits} digits in total; got ${text}`);
  if (decimals > decimalPlaces) throw new ValueError(`has more than ${decimalPlaces} decimal places; got ${text}`);
  if (whole > maxDigits - decimalPlaces) {
    throw new ValueError(`has more than ${maxDigits - decimalPlaces} digits before the decimal point; got ${text}`);
  }
  return formatDecimal({ negative, digits, scale }, decimalPlaces);
}

/** A decimal as a filter compares it: any decimal, in a form both engines cast to a number. */
export function decimalOperand(text: string): string {
  const parts = decimalParts(text);
  return formatDecimal(parts, parts.scale);
}

function formatDecimal({ negative, digits, scale }: DecimalParts, places: number): string {
  const padded = digits.padStart(scale + 1, "0") + "0".repeat(places - scale);
  const point = padded.length - places;
  const text = places === 0 ? padded : `${padded.slice(0, point)}.${padded.slice(point)}`;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A JavaScript date (what the DateTime scalar gives) as the stored UTC instant. */
export function dateTimeValue(value: Date | string): string {
  const date = typeof value === "string" ? parseDateTime(value) : value;
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
    throw new ValueError(`is not a date-time between the years 1 and 9999; got ${JSON.stringify(value)}`);
  }
  return date.toISOString();
}

const dateTimeSyntax =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 date-time as dumpdata writes it; one without an offset is read as UTC, as Django's USE_TZ=False dump is. */
function parseDateTime(text: string): Date {
  const match = dateTimeSyntax.exec(text);
  if (!match) throw new ValueError(`is not an ISO 8601 date-time such as "2024-05-01T12:30:00Z"; got ${text}`);
  const [, year, month, day, hour, minute, second = "00", fraction = "", offset = "Z"] = match;
  const milliseconds = fraction.padEnd(3, "0").slice(0, 3);
  const zone = offset.toUpperCase() === "Z" ? "Z" : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const calendar = new Date(Date.UTC(2000, Number(month) - 1, Number(day)));
  calendar.setUTCFullYear(Number(year));
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${milliseconds}${zone}`);
  if (
    Number.isNaN(date.getTime()) ||
    calendar.getUTCMonth() !== Number(month) - 1 ||
    calendar.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    throw new ValueError(`is not a valid date-time; got ${text}`);
  }
  return date;
}

const timeSyntax = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,6}))?)?$/;

/** `HH:MM[:SS[.ffffff]]` as Python's `time.isoformat()`: seconds always, microseconds when not zero. */
export function timeValue(text: string): string {
  const match = timeSyntax.exec(text);
  if (!match) throw new ValueError(`is not a time such as "14:30:00"; got ${JSON.stringify(text)}`);
  const [, hours, minutes, seconds = "00", fraction = ""] = match;
  const micro = fraction.padEnd(6, "0");
  return `${hours}:${minutes}:${seconds}${/[1-9]/.test(micro) ? `.${micro}` : ""}`;
}

const microsecondsPer = { day: 86_400_000_000, hour: 3_600_000_000, minute: 60_000_000, second: 1_000_000 };

const isoDuration =
  /^([-+]?)P(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d{1,6})?)S)?)?$/i;
const djangoDuration = /^([-+]?)(?:(\d+) (?:days?, )?)?(?:(\d+):)??(\d+):(\d{1,2})(?:\.(\d{1,6}))?$/;

/**
 * A duration as Django's `parse_duration` reads it, in whole microseconds: ISO 8601 with days,
 * hours, minutes and seconds (`P1DT2H30M`, `PT0.5S`; years and months have no fixed length), or
 * Django's own `D HH:MM:SS[.uuuuuu]` that dumpdata writes.
 */
export function durationValue(text: string): number {
  let microseconds: number;
  const iso = isoDuration.exec(text);
  const django = iso ? undefined : djangoDuration.exec(text);
  if (iso && /\d/.test(text)) {
    const [, sign, days = "0", hours = "0", minutes = "0", seconds = "0"] = iso;
    const part = (value: string, unit: number) => Math.round(Number(value.replace(",", ".")) * unit);
    microseconds =
      part(days, microsecondsPer.day) +
      part(hours, microsecondsPer.hour) +
      part(minutes, microsecondsPer.minute) +
      part(seconds, microsecondsPer.second);
    if (sign === "-") microseconds = -microseconds;
  } else if (django) {
    const [, sign, days = "0", hours = "0", minutes = "0", seconds = "0", fraction = ""] = django;
    microseconds =
      Number(days) * microsecondsPer.day +
      Number(hours) * microsecondsPer.hour +
      Number(minutes) * microsecondsPer.minute +
      Number(seconds) * microsecondsPer.second +
      Number(fraction.padEnd(6, "0"));
    if (sign === "-") microseconds = -microseconds;
  } else {
    throw new ValueError(`is not an ISO 8601 duration such as "P1DT2H30M" or "PT90S"; got ${JSON.stringify(text)}`);
  }
  if (!Number.isSafeInteger(microseconds)) throw new ValueError(`is too long a duration; got ${text}`);
  return microseconds;
}

/** Django's `duration_iso_string`: `P1DT02H03M04.500000S`, `-P0DT00H00M01S`. */
export function durationText(microseconds: number): string {
  const sign = microseconds < 0 ? "-" : "";
  let rest = Math.abs(microseconds);
  const take = (unit: number) => {
    const whole = Math.floor(rest / unit);
    rest -= whole * unit;
    return whole;
  };
  const days = take(microsecondsPer.day);
  const two = (value: number) => String(value).padStart(2, "0");
  const hours = two(take(microsecondsPer.hour));
  const minutes = two(take(microsecondsPer.minute));
  const seconds = two(take(microsecondsPer.second));
  const fraction = rest > 0 ? `.${String(rest).padStart(6, "0")}` : "";
  return `${sign}P${days}DT${hours}H${minutes}M${seconds}${fraction}S`;
}

const uuidSyntax = /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** What Python's `uuid.UUID(text)` reads (dashes optional, braces, `urn:uuid:`), as 32 hex digits. */
export function uuidValue(text: string): string {
  const match = uuidSyntax.exec(text);
  if (!match)
    throw new ValueError(`is not a UUID such as "0b7f3a4e-6c1d-4a5b-9e2f-3c4d5e6f7a8b"; got ${JSON.stringify(text)}`);
  return match.slice(1).join("").toLowerCase();
}

/** The 32 hex digits of a stored UUID (or PostgreSQL's dashed text) in the dashed form clients see. */
export function uuidText(stored: string): string {
  const hex = stored.replaceAll("-", "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A field's value from Django's own text forms (a default literal, a fixture) in the stored
 * form; checked as an input is, ranges and digits included.
 */
export function storedFromDjango(field: ScalarFieldDefinition, value: unknown): string | number | null {
  if (value === null) return null;
  switch (field.type) {
    case "DecimalField":
      return decimalValue(String(value), field.maxDigits!, field.decimalPlaces!);
    case "DateTimeField":
      return dateTimeValue(String(value));
    case "TimeField":
      return timeValue(String(value));
    case "DurationField":
      return durationValue(String(value));
    case "UUIDField":
      return uuidValue(String(value));
    case "BooleanField":
      return booleanValue(value);
    default:
      if (field.type in integerRanges) {
        if (typeof value !== "number" && typeof value !== "string") throw new ValueError(`is not an integer`);
        checkIntegerRange(field.type, value);
        return integerValue(BigInt(value));
      }
      return value as string | number;
  }
}

/** The value a default gives a new row, in the stored form; callables are called per row. */
export function defaultValue(field: ScalarFieldDefinition, fallback: FieldDefault): string | number | null {
  const now = new Date();
  switch (fallback.kind) {
    case "value":
      return storedFromDjango(field, fallback.value);
    case "uuid4":
      return uuidValue(randomUUID());
    case "today":
      return now.toISOString().slice(0, 10);
    case "now":
      return nowValue(field, now);
  }
}

/** `timezone.now()` as the field keeps it: the instant, its UTC date, or its UTC time of day. */
export function nowValue(field: ScalarFieldDefinition, now = new Date()): string {
  const instant = now.toISOString();
  if (field.type === "DateField") return instant.slice(0, 10);
  if (field.type === "TimeField") return timeValue(instant.slice(11, 23));
  return instant;
}
