import { useEffect, useRef } from 'react';
import type { DetectorKind } from '../../../../common/scan/detectors';
import type { MatchLocation } from '../../../../common/scan/inspection';
import type { FileFinding } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import { reasonText } from './inspection-text';
import { LOCATIONS_PANEL_ID } from './FindingsTable';

const DETECTORS = Object.keys(t.findings.detectors) as DetectorKind[];

interface Props {
  row: FileFinding;
  onClose(): void;
}

/**
 * One file's details: its content state, reason and method, then for each detector that matched
 * where its first matches are, each with its value masked (the store holds nothing else).
 * Non-modal, beside the table; Escape or Close closes it.
 */
export function LocationsPanel({ row, onClose }: Props) {
  const s = t.findings.locations;
  const heading = useRef<HTMLHeadingElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  // Keyboard users land in the panel when a row opens; Escape closes it from anywhere.
  useEffect(() => heading.current?.focus(), [row.fileId]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) latestClose.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const matched = DETECTORS.filter((kind) => (row.findings?.[kind] ?? 0) > 0);
  return (
    <aside
      id={LOCATIONS_PANEL_ID}
      className="panel locations"
      aria-labelledby="locations-heading"
      data-testid="locations"
    >
      <div className="locations-top">
        <h3 id="locations-heading" ref={heading} tabIndex={-1}>
          {s.heading}
        </h3>
        <button type="button" onClick={onClose}>
          {s.close}
        </button>
      </div>
      <p className="locations-file" data-testid="locations-file">
        {row.name}
      </p>
      <FileFacts row={row} />
      {matched.length === 0 ? (
        <p className="empty">
          {row.inspection === 'Completed' || row.inspection === 'Partially scanned' ? s.none : s.notInspected}
        </p>
      ) : (
        matched.map((kind) => (
          <DetectorLocations
            key={kind}
            kind={kind}
            total={row.findings?.[kind] ?? 0}
            places={row.locations?.[kind] ?? []}
          />
        ))
      )}
      <p className="detail">{s.closeHint}</p>
    </aside>
  );
}

/** A login that may wrap after its "@" (not in the middle of the domain) in the narrow panel. */
function breakAfterAt(login: string) {
  const at = login.indexOf('@');
  if (at < 0) return login;
  return (
    <>
      {login.slice(0, at + 1)}
      <wbr />
      {login.slice(at + 1)}
    </>
  );
}

function FileFacts({ row }: { row: FileFinding }) {
  const s = t.findings.locations;
  const reason = reasonText(row.inspectionReason);
  return (
    <dl className="locations-facts">
      <dt>{s.path}</dt>
      <dd>{row.path}</dd>
      <dt>{s.owner}</dt>
      <dd>{breakAfterAt(row.ownerLogin)}</dd>
      <dt>{s.accessLevel}</dt>
      <dd>{row.accessLevel ?? '—'}</dd>
      <dt>{s.external}</dt>
      <dd>
        {row.externalCollaborators.length
          ? row.externalCollaborators.map((login, i) => (
              <span key={login}>
                {i > 0 && ', '}
                {breakAfterAt(login)}
              </span>
            ))
          : t.findings.none}
      </dd>
      <dt>{s.scannedAt}</dt>
      <dd>{formatDateTime(row.scannedAt)}</dd>
      <dt>{s.state}</dt>
      <dd data-testid="locations-state">{row.inspection}</dd>
      {reason && (
        <>
          <dt>{s.reason}</dt>
          <dd>{reason}</dd>
        </>
      )}
      {row.inspectionMethod && (
        <>
          <dt>{s.method}</dt>
          <dd>{t.findings.method[row.inspectionMethod]}</dd>
        </>
      )}
    </dl>
  );
}

function DetectorLocations({ kind, total, places }: { kind: DetectorKind; total: number; places: MatchLocation[] }) {
  const s = t.findings.locations;
  const name = t.findings.detectors[kind];
  return (
    <section className="detector" data-testid={`locations-${kind}`}>
      <h4>
        {name} <span className="count">({s.shown(places.length, total)})</span>
      </h4>
      {places.length === 0 ? (
        <p className="empty">{s.noPlaces}</p>
      ) : (
        <table aria-label={s.tableLabel(name)}>
          <thead>
            <tr>
              <th scope="col">{s.where}</th>
              <th scope="col">{s.masked}</th>
            </tr>
          </thead>
          <tbody>
            {places.map((place, i) => (
              <tr key={`${place.where}:${i}`} data-testid="location">
                <td className="where">{place.where}</td>
                <td className="masked">{place.masked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
