/**
 * The monthly report (månadsrapport): figures as stated, their avstämning
 * against their parts, and a draft text in the board papers' style.
 */
export * from "./report";
export { statedAmount, statedPercent, statedCount, exact, halfStep, formatReportMkr, formatExactAmount, formatShare, formatPoints, formatCount } from "./stated";
export type { StatedOptions } from "./stated";
export { validateReport, isUsable } from "./validate";
export { reconcileReport, lineDeviation, sumCheck, ratioCheck, formatCheckValue, describeTerms } from "./reconcile";
export type { Check, CheckTerm, CheckQuantity, CheckTopic, Derived, GroupDeviation, ReportFigures, ReportResult } from "./reconcile";
export { findAdjustmentConventions, MAX_SEARCHED_ADJUSTMENTS } from "./conventions";
export type { ConventionCandidate } from "./conventions";
export { draftReportText, reportTextToString, listSv } from "./reportText";
export type { ReportText, ReportParagraph, ParagraphKey } from "./reportText";
export { reportFromSeed, parseAdjustmentSign, parseAdjustmentKind, parseLineKind } from "./seed";
