trigger WalkAwayOpportunityTrigger on Opportunity(before update) {
  WalkAwayOpportunityTriggerHandler.beforeUpdate(Trigger.new, Trigger.oldMap);
}
