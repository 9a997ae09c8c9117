/**
 * The names of every bridge call and event, with no dependencies at all, so the sandboxed
 * preload can build its `window.boxCompanion` object without bundling the validator.
 * contract.ts checks at compile time that these lists match the schemas exactly.
 */
export const CALL_NAMES = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'getWalkthroughState',
  'chooseWalkthrough',
  'setStepTicked',
  'setPortalStepTicked',
  'startOver',
  'exportRunbook',
  'getConnection',
  'useSandboxEnterprise',
  'registerBoxApp',
  'connect',
  'cancelSignIn',
  'disconnect',
  'runConnectionTest',
  'getLastConnectionTest',
  'getDiagnostics',
  'saveDiagnostics',
  'openDiagnosticsBundle',
  'startScan',
  'pauseScan',
  'resumeScan',
  'stopScan',
  'rescanAll',
  'rescanFile',
  'getScanStatus',
  'exportFindings',
  'listFindings',
  'listActivity',
  'listNotScanned',
  'getScanCoverage',
  'getScanQueue',
  'listPolicyTemplates',
  'listPolicies',
  'createPolicyFromTemplate',
  'savePolicy',
  'removePolicy',
  'importPolicy',
  'exportPolicy',
  'previewPolicy',
  'listPolicyMatches',
  'markPolicySeen',
  'listAlerts',
  'planAction',
  'listRunChanges',
  'applyRun',
  'pauseRun',
  'resumeRun',
  'cancelRun',
  'listRuns',
  'listAudit',
  'undoAction',
  'undoRun',
  'exportAudit',
] as const;
export const EVENT_NAMES = [
  'settingsChanged',
  'connectionChanged',
  'connectionTestProgress',
  'scanProgress',
  'policyMatches',
  'policyAlerts',
  'actionRunProgress',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel prefix: main only answers channels that start with it. */
export const CHANNEL_PREFIX = 'bcc:';
export const CALL_CHANNEL = `${CHANNEL_PREFIX}call`;
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`;
