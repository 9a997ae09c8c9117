/**
 * The policy calls of the bridge: templates, save/remove/import/export, live preview, matches
 * and alerts. Runs in the core.
 * TODO(#17, w-policy): every handler below is a placeholder until the policy store lands.
 */
import { CodedError } from '../../../common/errors/error-codes';
import type { Handlers } from '../bridge/handlers';

type PolicyCall =
  | 'listPolicyTemplates'
  | 'listPolicies'
  | 'createPolicyFromTemplate'
  | 'savePolicy'
  | 'removePolicy'
  | 'importPolicy'
  | 'exportPolicy'
  | 'previewPolicy'
  | 'listPolicyMatches'
  | 'markPolicySeen'
  | 'listAlerts';

const notYet = (): never => {
  throw new CodedError('internal', 'Policies are not built yet.');
};

export function policyHandlers(): Pick<Handlers, PolicyCall> {
  return {
    listPolicyTemplates: notYet,
    listPolicies: notYet,
    createPolicyFromTemplate: notYet,
    savePolicy: notYet,
    removePolicy: notYet,
    importPolicy: notYet,
    exportPolicy: notYet,
    previewPolicy: notYet,
    listPolicyMatches: notYet,
    markPolicySeen: notYet,
    listAlerts: notYet,
  };
}
