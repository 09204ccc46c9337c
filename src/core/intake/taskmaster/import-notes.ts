// What an import dropped or adjusted, gathered while the file is read: single notes, and
// counted ones (a field dropped from 70 tasks is one line, not 70).
import { WARNING_LIMIT } from '../../../shared/operations/taskmaster.ops.ts';

export class ImportNotes {
  private readonly notes: string[] = [];
  private readonly counted = new Map<string, { count: number; examples: string[] }>();

  add(note: string): void {
    this.notes.push(note);
  }

  /** One line per `kind`, saying how often it happened and where, e.g. which tasks. */
  count(kind: string, example: string): void {
    const entry = this.counted.get(kind) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 5) entry.examples.push(example);
    this.counted.set(kind, entry);
  }

  list(): string[] {
    const grouped = [...this.counted].map(([kind, { count, examples }]) => {
      const more = count > examples.length ? `, … (${count} in all)` : '';
      return `${kind}: ${examples.join(', ')}${more}`;
    });
    const all = [...grouped, ...this.notes];
    return all.length <= WARNING_LIMIT
      ? all
      : [...all.slice(0, WARNING_LIMIT), `… and ${all.length - WARNING_LIMIT} more warnings`];
  }
}
