import { Module } from '@nestjs/common';
import { AdvancePolicyActionHandler } from './advance-policy-action/advance-policy-action.command';
import { AdvancePolicyActionController } from './advance-policy-action/advance-policy-action.controller';
import { GetPolicyActionController } from './get-policy-action/get-policy-action.controller';
import { GetPolicyActionHandler } from './get-policy-action/get-policy-action.query';
import { ListDiplomaticEngagementsController } from './list-diplomatic-engagements/list-diplomatic-engagements.controller';
import { ListDiplomaticEngagementsHandler } from './list-diplomatic-engagements/list-diplomatic-engagements.query';
import { ListPolicyActionsController } from './list-policy-actions/list-policy-actions.controller';
import { ListPolicyActionsHandler } from './list-policy-actions/list-policy-actions.query';
import { RecordDiplomaticEngagementHandler } from './record-diplomatic-engagement/record-diplomatic-engagement.command';
import { RecordDiplomaticEngagementController } from './record-diplomatic-engagement/record-diplomatic-engagement.controller';
import { RecordPolicyActionHandler } from './record-policy-action/record-policy-action.command';
import { RecordPolicyActionController } from './record-policy-action/record-policy-action.controller';

/** Policy actions and diplomatic engagements: write and read use cases. */
@Module({
  controllers: [
    RecordPolicyActionController,
    AdvancePolicyActionController,
    ListPolicyActionsController,
    GetPolicyActionController,
    RecordDiplomaticEngagementController,
    ListDiplomaticEngagementsController,
  ],
  providers: [
    RecordPolicyActionHandler,
    AdvancePolicyActionHandler,
    ListPolicyActionsHandler,
    GetPolicyActionHandler,
    RecordDiplomaticEngagementHandler,
    ListDiplomaticEngagementsHandler,
  ],
})
export class PolicyActionsModule {}
