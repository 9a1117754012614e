/**
 * Stimulansmedel and statsbidrag: the model, its checks, the allocation rules,
 * the follow-up and the återredovisning text.
 */
export * from "./grant";
export { checkGrantModel } from "./check";
export { allocateFixed, allocateByRank, allocateByKey, ALLOCATION_RULE_LABEL } from "./allocation";
export type { AllocationRule, AllocationLine, AllocationResult, RankOptions, KeyOptions } from "./allocation";
export { followUp, DEFAULT_NEAR_DAYS } from "./followup";
export type { FollowUpOptions, ForecastBasis, UseFigures, ActivityFollowUp, PurposeFollowUp, LeftoverOutcome, GrantFollowUp } from "./followup";
export { proposeLeftoverMoves, acceptMoves } from "./redistribution";
export type { RedistributionOptions, LeftoverSource, LeftoverTarget, LeftoverMove, LeftoverProposal } from "./redistribution";
export { draftGrantReportText, grantReportTextToString } from "./reportText";
export type { GrantReportText, GrantParagraphKey } from "./reportText";
