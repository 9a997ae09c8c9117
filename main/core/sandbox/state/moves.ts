/**
 * Files moved out of the folder they were generated or uploaded in (PUT /files/:id with a
 * `parent`). Listings work by index ranges per folder; this keeps, per folder, what left it and
 * what arrived, so a moved file is listed in its new folder only. Only moved files cost memory.
 */
export class MoveIndex {
  /** Per origin folder: its own files now elsewhere (sorted), hidden from its listing. */
  private readonly out = new Map<number, number[]>();
  /** Per folder: files that arrived from elsewhere, in arrival order. */
  private readonly in = new Map<number, number[]>();

  /** Records file k, born in `origin`, as now in `to` (moving it home clears the records). */
  move(k: number, origin: number, from: number, to: number): void {
    remove(this.in.get(from), k);
    if (to === origin) remove(this.out.get(origin), k);
    else {
      const hidden = this.out.get(origin) ?? [];
      if (!hidden.includes(k)) {
        hidden.push(k);
        hidden.sort((a, b) => a - b);
      }
      this.out.set(origin, hidden);
      const arrived = this.in.get(to) ?? [];
      arrived.push(k);
      this.in.set(to, arrived);
    }
  }

  movedOutOf(folder: number): readonly number[] {
    return this.out.get(folder) ?? [];
  }

  movedInto(folder: number): readonly number[] {
    return this.in.get(folder) ?? [];
  }
}

function remove(list: number[] | undefined, k: number): void {
  const at = list ? list.indexOf(k) : -1;
  if (list && at >= 0) list.splice(at, 1);
}
