import { Module } from '@nestjs/common';
import { AdvancePolicyActionHandler } from './advance-policy-action/advance-policy-action.command';
import { AdvancePolicyActionController } from './advance-policy-action/advance-policy-action.controller';
import { GetPolicyActionController } from './get-policy-action/get-policy-action.controller';
import { ListPolicyActionsController } from './list-policy-actions/list-policy-actions.controller';
import { RecordPolicyActionHandler } from './record-policy-action/record-policy-action.command';
import { RecordPolicyActionController } from './record-policy-action/record-policy-action.controller';

/** Policy actions: record, advance through their lifecycle, list, get one (as of a time). */
@Module({
  controllers: [
    RecordPolicyActionController,
    AdvancePolicyActionController,
    ListPolicyActionsController,
    GetPolicyActionController,
  ],
  providers: [RecordPolicyActionHandler, AdvancePolicyActionHandler],
})
export class PolicyActionModule {}
