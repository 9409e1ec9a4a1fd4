trigger WalkAwayExceptionTrigger on Walk_Away_Exception__c(before insert, before update, after update) {
  if (Trigger.isBefore && Trigger.isInsert) {
    WalkAwayExceptionTriggerHandler.beforeInsert(Trigger.new);
  } else if (Trigger.isBefore && Trigger.isUpdate) {
    WalkAwayExceptionTriggerHandler.beforeUpdate(Trigger.new, Trigger.oldMap);
  } else if (Trigger.isAfter && Trigger.isUpdate) {
    WalkAwayExceptionTriggerHandler.afterUpdate(Trigger.new, Trigger.oldMap);
  }
}
