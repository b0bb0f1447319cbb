// Subjects of audit entries as `kind:id`, so one subject's whole history is a single search.
export const auditSubject = {
  refundCase: (round: string, unitId: number) => `refund_case:${round}:${unitId}`,
  person: (personId: number) => `person:${personId}`,
  screeningRun: (runId: number) => `screening_run:${runId}`,
  auditLog: () => 'audit_log',
  staffAccount: (username: string) => `staff_account:${username}`,
  unit: (unitId: number) => `unit:${unitId}`,
  paymentBatch: (batchId: number) => `payment_batch:${batchId}`,
  payment: (paymentId: number) => `payment:${paymentId}`,
  bankFile: (sha256: string) => `bank_file:${sha256}`,
  accountCorrection: (correctionId: number) => `account_correction:${correctionId}`,
  importBatch: (batchId: number) => `import_batch:${batchId}`,
  pilotFund: (regionCode: string, year: number) => `fund_pilot:${regionCode}:${year}`,
  pilotCommitment: (commitmentId: number) => `fund_pilot_commitment:${commitmentId}`,
  fundIncident: (incidentId: number) => `fund_incident:${incidentId}`,
  policyReform: (reformId: number) => `policy_reform:${reformId}`,
  simulationRun: (runId: number) => `simulation_run:${runId}`,
} as const;
