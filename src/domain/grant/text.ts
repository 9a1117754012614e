/**
 * Small Swedish wording helpers shared by the grant's messages and report text.
 */
import { Decimal, formatPercent } from "../money";
import { IsoDate, MONTH_NAMES_SV, isIsoDate, monthOf, yearOf } from "../period";

/** "a, b och c" */
export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** "2020-04-02", or "oktober 2020" when only the month counts. */
export function formatDateSv(date: IsoDate, precision: "dag" | "manad" = "dag"): string {
  if (precision === "manad" && isIsoDate(date)) return `${MONTH_NAMES_SV[monthOf(date) - 1]} ${yearOf(date)}`;
  return date;
}

/** "72,7 %": shares in texts carry one decimal. */
export function formatShare(fraction: Decimal): string {
  return formatPercent(fraction, 1);
}

/** Lower-cases the first letter for use inside a sentence, but keeps acronyms such as "IT-stöd" or "SVOM". */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] !== text[1].toLocaleLowerCase("sv-SE")) return text;
  return text.charAt(0).toLocaleLowerCase("sv-SE") + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

/** "rad 3": rows are counted from 1 for people, from 0 in refs. */
export function row(index: number): string {
  return `rad ${index + 1}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be ISO dates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const t = (d: IsoDate) => Date.UTC(yearOf(d), monthOf(d) - 1, Number(d.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}
