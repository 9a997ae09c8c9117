/**
 * `box-companion scan`: the activity backfill and the full scan of the connected enterprise,
 * then (unless --until-idle) the near-real-time queue until Ctrl+C. Progress: with --json, one
 * snapshot per line (at most 10 a second) and a final {"summary": ...}; otherwise a line on
 * stderr every 2 s. Everything is kept in <home>/scan.sqlite: run it again to resume. The
 * policies' live matcher runs as in the app (matches and alerts kept in scan.sqlite).
 */
import { parseArgs } from 'node:util';
import { reasonLabel } from '../../../common/scan/inspection';
import type { ScanProgress } from '../../../common/scan/types';
import type { BackfillChoice } from '../../../common/scan/types';
import type { ContentStats } from '../../core/scan/phases/box-text';
import { scanCommandPolicies } from '../../core/policy/core-policies';
import type { PolicyService } from '../../core/policy/policy-service';
import { ScanLockedError } from '../../core/scan/scan-lock';
import { ScanService } from '../../core/scan/scan-service';
import { createNodeSettingsStore } from '../../core/settings/node-settings';
import { backfillUnderSettings } from '../../core/settings/scan-defaults';
import { EXIT_CODES, parseOrReportUsage, type CliCommand } from '../command';
import { connectionManagerFor, NO_KEYCHAIN_EXIT } from './connection-common';

const usage = `Usage: box-companion scan [--days N | --since DATE | --no-backfill] [--until-idle] [--rate-limit N] [--json]

Pulls the activity of the last 7 days (admin_logs), scans every file of the enterprise, then
follows new events, moving files that are edited or shared to the front of the queue.
Resumes where it stopped: finished files are not scanned again.

  --days N          backfill window in days (default 7, or the settings' scan.backfillDays; 60 as
                    older connector versions did; refused when the organisation set the days)
  --since DATE      backfill from this ISO date instead
  --no-backfill     no activity backfill
  --until-idle      exit once the backfill is done and the queue is empty
  --rate-limit N    Box requests per second to stay under (default: Box's 1,000 a minute;
                    the sandbox: unlimited unless it answers 429)
  --concurrency N   requests in flight at most (default 16)
  --json            progress snapshots as JSON lines, then {"summary": ...}

Exit codes: 0 done (or stopped by Ctrl+C), 1 the scan failed, files or folders failed,
another scan holds this home (scan_locked), or the sign-in was lost (reconnect_required: run
box-companion connect, then scan again to resume), 3 no keychain.`;

const RECONNECT_HINT =
  'the sign-in to Box was lost (Reconnect to continue): run box-companion connect, then box-companion scan again to resume where it stopped';

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      days: { type: 'string' },
      since: { type: 'string' },
      'no-backfill': { type: 'boolean' },
      'until-idle': { type: 'boolean' },
      'rate-limit': { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const picked = [values.days, values.since, values['no-backfill']].filter((v) => v !== undefined).length;
  if (picked > 1) throw new Error('choose one of --days, --since and --no-backfill');
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365))
    throw new Error('--days must be a whole number from 1 to 365');
  if (
    values.since !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || Number.isNaN(Date.parse(values.since)))
  )
    throw new Error('--since must be an ISO date such as 2025-01-31');
  const rate = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
  if (rate !== undefined && (!Number.isFinite(rate) || rate <= 0 || rate > 10_000))
    throw new Error('--rate-limit must be a number of requests per second above 0');
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256))
    throw new Error('--concurrency must be a whole number from 1 to 256');
  return {
    backfill: { days, since: values.since, noBackfill: values['no-backfill'] },
    untilIdle: values['until-idle'] === true,
    rate,
    concurrency,
  };
}

export function describeProgress(p: ScanProgress): string {
  const f = p.files;
  const eta = p.etaSeconds === null ? '' : `, ETA ${Math.ceil(p.etaSeconds / 60)} min`;
  return `[${p.phase}] users ${p.users.discovered}, folders ${p.folders.listed}/${p.folders.discovered}, files ${f.scanned} scanned / ${f.discovered} found, ${f.queued} queued, ${f.failed} failed, ${f.notScanned} not scanned, ${p.content.inspected.files} inspected (${f.inspectionPending} to inspect); events ${p.backfill.events + p.liveEvents}; ${p.requests.perSecond.toFixed(1)} req/s, ${p.filesPerSecond} files/s${eta}`;
}

/**
 * The content figures a bench compares with the plan's minimum: files and bytes inspected, by
 * reason, and Box's content calls (downloads + representation calls) and bytes this run.
 */
export function contentSummary(p: ScanProgress, stats: Readonly<ContentStats> | undefined) {
  return {
    inspectedFiles: p.content.inspected.files,
    inspectedBytes: p.content.inspected.bytes,
    failedByReason: p.content.failedByReason,
    reused: p.content.reused,
    downloads: stats?.downloads ?? 0,
    representationCalls: stats?.representationCalls ?? 0,
    contentRequests: (stats?.downloads ?? 0) + (stats?.representationCalls ?? 0),
    bytesDownloaded: stats?.bytesDownloaded ?? 0,
  };
}

function describeContent(c: ReturnType<typeof contentSummary>): string {
  const failed = c.failedByReason.map((r) => `${r.files} ${reasonLabel(r.reason)}`).join(', ');
  return `content: ${c.inspectedFiles} files (${c.inspectedBytes} bytes) inspected, ${c.reused} reused${failed ? `, failed: ${failed}` : ''}; ${c.contentRequests} content requests, ${c.bytesDownloaded} bytes downloaded`;
}

/** Every file the scan wrote is matched before the store closes; a matcher's failure only says so. */
async function settlePolicies(policies: PolicyService | null): Promise<void> {
  try {
    await policies?.settled();
  } catch (e) {
    process.stderr.write(`policy matcher: ${e instanceof Error ? e.message : String(e)}\n`);
  } finally {
    policies?.stop();
  }
}

const scan: CliCommand = {
  name: 'scan',
  summary: 'Backfill 7 days of activity, scan every file, then follow new events (resumable).',
  usage,
  async run(ctx) {
    const o = parseOrReportUsage(ctx, usage, parse);
    if (!o) return EXIT_CODES.usage;
    const manager = await connectionManagerFor(ctx);
    if (!manager) return NO_KEYCHAIN_EXIT;
    const settings = createNodeSettingsStore(ctx.home);
    const activityRetentionDays = settings.get().activityRetentionDays;
    let choice: BackfillChoice;
    try {
      choice = backfillUnderSettings(settings, o.backfill); // the settings' default days, or the organisation's
    } catch (error) {
      ctx.out.failure(error);
      return EXIT_CODES.failed;
    }
    const service = new ScanService(
      ctx.home,
      manager,
      { rateLimitPerSecond: o.rate, concurrency: o.concurrency, activityRetentionDays },
      'box-companion scan',
    );
    let lastHuman = 0;
    service.onProgress((p) => {
      if (ctx.out.json) return ctx.out.result({ progress: p }, '');
      if (Date.now() - lastHuman >= 2000) {
        lastHuman = Date.now();
        ctx.out.info(describeProgress(p));
      }
    });
    let failure: unknown = null;
    let policies: PolicyService | null = null;
    // A terminal has nobody to press Connect: a lost sign-in ends the run (progress is kept).
    let signInLost = false;
    const lost = new Promise<void>((resolve) => service.onProgress((p) => p.phase === 'reconnect' && resolve()));
    try {
      const { done } = await service.start(choice, o.untilIdle);
      policies = scanCommandPolicies(ctx.home, service); // once the scan is ours (not locked by another)
      const stopped = ctx.stopSignal.then(async (signal) => {
        ctx.out.info(`${signal}: stopping the scan (progress is saved; run scan again to resume)`);
        await service.stop();
      });
      const reconnect = lost.then(async () => {
        signInLost = true;
        await service.stop();
      });
      await Promise.race([done, stopped, reconnect]);
    } catch (error) {
      if (error instanceof ScanLockedError) {
        await service.dispose();
        ctx.out.error(error.message, 'scan_locked');
        return EXIT_CODES.failed;
      }
      failure = error;
    }
    await settlePolicies(policies);
    const final = service.status();
    const failedItems = service.store.failedItems(100);
    const content = contentSummary(final, service.engine?.contentStats());
    await service.dispose();
    if (signInLost) {
      ctx.out.error(RECONNECT_HINT, 'reconnect_required');
      return EXIT_CODES.failed;
    }
    if (failure !== null) {
      ctx.out.failure(failure, { prefix: 'the scan failed', fallback: 'scan_failed' });
      return EXIT_CODES.failed;
    }
    const summary = { ...final, eventLoopDelayP99Ms: final.eventLoopDelayP99Ms ?? 0, failedItems, ...content };
    const given = failedItems.map((i) => `\n  ${i.kind} ${i.name}: ${i.reason}`).join('');
    ctx.out.result(
      { summary },
      `Scan ${o.untilIdle ? 'finished' : 'stopped'}: ${describeProgress(final)}; ${describeContent(content)}; event-loop delay p99 ${summary.eventLoopDelayP99Ms} ms${given ? `\nGiven up after repeated failures:${given}` : ''}`,
    );
    return final.files.failed > 0 || failedItems.length > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
  },
};

export default scan;
