// Moved to src/domain/refusal.ts. This re-export only keeps branches written against the old path compiling until
// they are merged; delete it once nothing imports it.
export { asRefusal as asWorkflowError, Refusal as WorkflowError, type RefusalCode as WorkflowErrorCode } from '../../domain/refusal.ts';
