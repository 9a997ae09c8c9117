/**
 * The dry run plans what the policy matches (issue 17 review): a file discovered but never
 * scanned matches nothing yet, in the plan as in the live count and the preview, so a plan
 * never counts (nor changes) a file no scan has looked at.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_FORMAT, type Policy } from '../../common/policy/types';
import { ScanStorePolicies } from '../../main/core/governance/scan-store-policies';
import { PolicyStore } from '../../main/core/policy/policy-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
beforeEach(() => (temp = openTempScanStore('bcc-dry-run-files-')));
afterEach(() => temp.remove());

const textFiles: Policy = { format: POLICY_FORMAT, id: 'txt', name: 'Text files', filter: { extensions: ['txt'] } };

describe('the files a dry run plans', () => {
  it('are the scanned files the filter matches, never one only discovered', () => {
    temp.store.tx(() => {
      for (const id of ['scanned', 'discovered']) temp.store.insertListedFile(listedTextFile(id));
      temp.store.finish('scanned', temp.store.file('scanned')!.gen, PRIVATE_NOTHING_FOUND);
    });
    const source = new ScanStorePolicies(new PolicyStore(temp.dir), temp.store);
    expect([...source.matches(textFiles)].map((f) => f.fileId)).toEqual(['scanned']);
  });
});
