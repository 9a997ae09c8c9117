/**
 * The policy calls of the bridge: templates, save/remove/import/export, live preview, matches
 * and alerts. Runs in the core.
 */
import { TEMPLATES } from '../../../common/policy/templates';
import type { Handlers } from '../bridge/handlers';
import type { PolicyService } from './policy-service';

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

export function policyHandlers(policies: PolicyService): Pick<Handlers, PolicyCall> {
  return {
    listPolicyTemplates: async () => [...TEMPLATES],
    listPolicies: async () => policies.list(),
    createPolicyFromTemplate: async ({ templateId }) => policies.fromTemplate(templateId),
    savePolicy: async ({ policy }) => policies.save(policy),
    removePolicy: async ({ id }) => ({ removed: policies.remove(id) }),
    importPolicy: async ({ json }) => policies.importText(json),
    exportPolicy: async ({ id }) => policies.exportFile(id),
    previewPolicy: async ({ filter, offset, limit }) => policies.preview(filter, { offset, limit }),
    listPolicyMatches: async ({ id, offset, limit }) => policies.matches(id, { offset, limit }),
    markPolicySeen: async ({ id }) => policies.markSeen(id),
    listAlerts: async ({ unseenOnly, offset, limit }) => policies.alerts({ unseenOnly, offset, limit }),
  };
}
