/**
 * Calendar dates as ISO strings (`2024-01-01`) and Excel's 1900 date serials.
 * Dates are plain strings in the domain so that models stay plain data.
 */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

const MS_PER_DAY = 86_400_000;
/** Serial 0 of Excel's 1900 system, counted so that serials from 61 (1900-03-01) on are right. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial (1900 system, whole days) to ISO date. Serials before 1900-03-01 are refused: Excel's 1900 leap-year bug makes them ambiguous. */
export function serialToIso(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  const day = Math.floor(serial);
  return new Date(EXCEL_EPOCH + day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoToSerial(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / MS_PER_DAY);
}

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const MONTH_NAMES_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;
