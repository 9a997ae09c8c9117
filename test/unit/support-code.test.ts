import { describe, expect, it } from 'vitest';
import { CONSOLE_GENERATIONS, DATA_CENTER_IDS } from '../../common/allowlist';
import { CHECK_IDS, type CheckId } from '../../common/conntest';
import {
  CHECKS_V1,
  CONSOLES_V1,
  DATA_CENTERS_V1,
  SUPPORT_CHECK_RESULTS,
  decodeSupportCode,
  encodeSupportCode,
  formatSupportCode,
  summariseSupportState,
  supportStateOf,
  type SupportCheckResult,
  type SupportState,
} from '../../common/support';
import { CROCKFORD_ALPHABET } from '../../common/support/crockford';
import { checkValue } from '../../common/support/check-character';

const CENTERS = [null, ...DATA_CENTER_IDS] as const;
const CONSOLES = [null, ...CONSOLE_GENERATIONS] as const;
const COMBINATIONS = SUPPORT_CHECK_RESULTS.length ** CHECK_IDS.length; // 4^11 = 4,194,304

/** The n-th combination of check results: check k takes digit k of n in base 4. */
function checksNumber(n: number): Record<CheckId, SupportCheckResult> {
  const checks = {} as Record<CheckId, SupportCheckResult>;
  let rest = n;
  for (const id of CHECK_IDS) {
    checks[id] = SUPPORT_CHECK_RESULTS[rest % 4]!;
    rest = Math.floor(rest / 4);
  }
  return checks;
}

/** The other fields cycle through all 7 × 5 × 2 = 70 of their combinations as n grows. */
function stateNumber(n: number, checks: SupportState['checks']): SupportState {
  return {
    dataCenter: CENTERS[n % CENTERS.length]!,
    consoleGeneration: CONSOLES[Math.floor(n / CENTERS.length) % CONSOLES.length]!,
    connected: Math.floor(n / (CENTERS.length * CONSOLES.length)) % 2 === 1,
    checks,
  };
}

function decoded(code: string): SupportState {
  const result = decodeSupportCode(code);
  if (!result.ok) throw new Error(`${code}: ${result.problem}`);
  return result.state;
}

describe('support code layout 1', () => {
  it('its frozen tables cover every data center, console generation and check the app has', () => {
    expect([...DATA_CENTERS_V1].sort()).toEqual([...DATA_CENTER_IDS].sort());
    expect([...CONSOLES_V1].sort()).toEqual([...CONSOLE_GENERATIONS].sort());
    expect([...CHECKS_V1]).toEqual([...CHECK_IDS]);
  });

  it('round-trips EVERY combination of the eleven check results (4,194,304), with the other fields varied', () => {
    const seen = new Set<string>();
    for (let n = 0; n < COMBINATIONS; n++) {
      const state = stateNumber(n, checksNumber(n));
      const code = encodeSupportCode(state);
      if (code.length !== 8 || !/^[0-9A-HJKMNP-TV-Z]{8}$/.test(code)) throw new Error(`bad code ${code}`);
      const back = decoded(code);
      // toEqual per state is slow for a million: compare the fields by hand, fail loudly on the first difference.
      const same =
        back.dataCenter === state.dataCenter &&
        back.consoleGeneration === state.consoleGeneration &&
        back.connected === state.connected &&
        CHECK_IDS.every((id) => back.checks?.[id] === state.checks![id]);
      if (!same) expect(back).toEqual(state);
      seen.add(code);
    }
    expect(seen.size).toBe(COMBINATIONS);
    // About 30 s alone; the machine is shared, so allow for a loaded one.
  }, 300_000);

  it('round-trips every data center × console × connected combination, tested or not', () => {
    for (let n = 0; n < CENTERS.length * CONSOLES.length * 2; n++) {
      for (const checks of [null, checksNumber(n * 14_983)]) {
        const state = stateNumber(n, checks);
        expect(decoded(encodeSupportCode(state))).toEqual(state);
      }
    }
  });

  it('is forgiving the way Crockford says: lower case, dashes, spaces, O for 0 and I or L for 1', () => {
    const state = stateNumber(3, checksNumber(0)); // all pass
    const code = encodeSupportCode(state);
    const typed = formatSupportCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(decoded(` ${typed} `)).toEqual(state);
    expect(formatSupportCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});

describe('a mistyped support code', () => {
  // 500 codes spread over the combinations.
  const codes = Array.from({ length: 500 }, (_, i) => encodeSupportCode(stateNumber(i, checksNumber(i * 2_097 + 11))));

  it('is refused for every single wrong character, at every position', () => {
    let tried = 0;
    for (const code of codes)
      for (let position = 0; position < code.length; position++)
        for (const symbol of CROCKFORD_ALPHABET) {
          if (symbol === code[position]) continue;
          const typo = code.slice(0, position) + symbol + code.slice(position + 1);
          const result = decodeSupportCode(typo);
          tried++;
          if (result.ok) throw new Error(`${typo} (typo of ${code}) was accepted`);
        }
    expect(tried).toBe(codes.length * 8 * 31);
  });

  it('is refused for every swap of two adjacent different characters, with a message saying so', () => {
    let tried = 0;
    for (const code of codes)
      for (let position = 0; position + 1 < code.length; position++) {
        if (code[position] === code[position + 1]) continue;
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        const result = decodeSupportCode(swapped);
        tried++;
        if (result.ok) throw new Error(`${swapped} (swap of ${code}) was accepted`);
        expect(result.problem).toMatch(/typing mistake.*swapped/);
      }
    expect(tried).toBeGreaterThan(codes.length * 5);
  });

  it('names what is wrong: a letter codes never use, the wrong length, nothing typed, a newer layout', () => {
    const code = codes[0]!;
    expect(decodeSupportCode(code.slice(0, 3) + 'U' + code.slice(4))).toEqual({
      ok: false,
      problem: expect.stringContaining('“U” cannot be in a support code'),
    });
    expect(decodeSupportCode(code.slice(0, 7))).toEqual({
      ok: false,
      problem: expect.stringContaining('has 8 characters (like 1ABC-D2EF); this one has 7'),
    });
    expect(decodeSupportCode('  ')).toEqual({ ok: false, problem: expect.stringContaining('Type the support code') });
    const newer = [2, 0, 0, 0, 0, 0, 0];
    const newerCode = [...newer, checkValue(newer)].map((v) => CROCKFORD_ALPHABET[v]).join('');
    expect(decodeSupportCode(newerCode)).toEqual({ ok: false, problem: expect.stringContaining('newer version') });
  });
});

describe('the state a code carries', () => {
  it('comes from the last test: a check that could not run is "not run", a missing test is none', () => {
    const lastTest = {
      checks: [
        { id: 'token', status: 'pass', notRun: false },
        { id: 'role', status: 'fail', notRun: false },
        { id: 'enterprise', status: 'fail', notRun: true },
        { id: 'headroom', status: 'warning', notRun: false },
      ],
    } as Parameters<typeof supportStateOf>[0]['lastTest'];
    const state = supportStateOf({ dataCenter: 'EU2', consoleGeneration: 'platform', connected: true, lastTest });
    expect(state.checks).toMatchObject({ token: 'pass', role: 'fail', enterprise: 'not_run', headroom: 'warning' });
    expect(state.checks!.files).toBe('not_run');
    const summary = summariseSupportState(decoded(encodeSupportCode(state)));
    expect(summary).toMatchObject({
      dataCenter: 'EU2 (Europe)',
      connection: 'Connected to Box',
      verdict: expect.stringContaining('failed'),
    });
    expect(summary.checks.find((c) => c.id === 'role')).toMatchObject({ label: 'Failed' });
    expect(supportStateOf({ dataCenter: null, consoleGeneration: null, connected: false, lastTest: null }).checks).toBe(
      null,
    );
  });
});
