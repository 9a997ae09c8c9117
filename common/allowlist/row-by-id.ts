/** The row for an id in one of the allowlist's tables (data centers, console generations). */
export function rowById<Row extends { id: string }>(table: readonly Row[], id: Row['id'], what: string): Row {
  const found = table.find((candidate) => candidate.id === id);
  // Each table covers every id of its enum; reaching this means the table was edited badly.
  if (!found) throw new Error(`No ${what} ${id} in the table`);
  return found;
}
