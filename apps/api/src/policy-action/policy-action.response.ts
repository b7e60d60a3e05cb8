import type {
  PolicyActionStageView,
  PolicyActionView,
} from '@tracker/read-models/policy-action/policy-actions.projection';
import type { PolicyActionDetail } from '@tracker/read-models/policy-action/get-policy-action.sql';
import { AdvancePolicyActionDto } from './advance-policy-action/advance-policy-action.dto';
import { RecordPolicyActionDto } from './record-policy-action/record-policy-action.dto';

/** A policy action at its current stage, and where and when it was stored. */
export class PolicyActionResponse extends RecordPolicyActionDto implements PolicyActionView {
  /**
   * The action's id.
   * @example "9a4c2e71-6f3b-4d8a-b2e5-7c1d0f9e3a46"
   */
  id!: string;
  /**
   * Its event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "policyAction-9a4c2e71-6f3b-4d8a-b2e5-7c1d0f9e3a46"
   */
  streamId!: string;
  /** Stream revision of the event that made this version; send it as `If-Match` to advance it. */
  revision!: number;
  /** When the action entered the record. */
  recordedAt!: string;
  /** When the current stage happened. */
  stageOccurredAt!: string;
  /** When the current stage was recorded. */
  stageRecordedAt!: string;
}

/** One stage a policy action went through. */
export class PolicyActionStageResponse extends AdvancePolicyActionDto implements PolicyActionStageView {
  /** Stream revision of the event that recorded the stage. */
  revision!: number;
  /** When the stage was recorded. */
  recordedAt!: string;
}

/** A policy action with every stage it went through. */
export class PolicyActionDetailResponse extends PolicyActionResponse implements PolicyActionDetail {
  /** Every stage so far, oldest first. */
  history!: PolicyActionStageResponse[];
}
