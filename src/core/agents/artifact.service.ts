// Artifacts: long outputs stored on a task as files beside the database, indexed by a row per
// (task, name). Storing the same name again replaces the content (only the latest is kept).
// Content is read back a page at a time, cut on character boundaries when read as text.
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { ARTIFACT_LIMIT_BYTES, type Artifact } from '../../shared/operations/artifacts.ops.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import type { ArtifactRow } from '../store/artifacts.repo.ts';
import { requireTask } from '../tasks/task-errors.ts';
import {
  artifactPath,
  placeFile,
  readRange,
  requireArtifactRoot,
  stageFile,
  type Placement,
} from './artifact-files.ts';
import { guessMediaType, isTextMediaType } from './media-types.ts';
import { authorizeChange } from './authorization.ts';

function toArtifact(row: ArtifactRow): Artifact {
  const { id: _id, ...artifact } = row;
  return artifact;
}

function decode(input: OperationArgs<'store_artifact'>): Buffer {
  if (input.encoding === 'utf8') return Buffer.from(input.content, 'utf8');
  const text = input.content.replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new AppError(
      'VALIDATION',
      'content is not valid base64 (A-Z, a-z, 0-9, + and /, padded with = to a multiple of 4 characters). Encode the bytes again, or send text with encoding utf8.',
    );
  }
  return Buffer.from(text, 'base64');
}

/** A text page ends on a character boundary: the bytes of a character cut off go to the next page. */
function wholeCharacters(page: Buffer, atEnd: boolean): Buffer {
  if (atEnd) return page;
  for (let back = 1; back <= Math.min(3, page.length); back++) {
    const byte = page[page.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    const cut = need > back ? page.subarray(0, page.length - back) : page;
    // a page too short for one character keeps it whole rather than never moving on
    return cut.length > 0 ? cut : page;
  }
  return page;
}

export class ArtifactService extends CoreService {
  save(
    input: OperationArgs<'store_artifact'>,
    context: CallContext,
  ): OperationOutput<'store_artifact'> {
    const bytes = decode(input);
    if (bytes.length > ARTIFACT_LIMIT_BYTES) {
      throw new AppError(
        'LIMIT',
        `The artifact is ${bytes.length} bytes; an artifact holds at most ${ARTIFACT_LIMIT_BYTES} bytes (10 MB). Nothing was stored. Split it into parts (e.g. log-1.txt, log-2.txt) or keep only what matters.`,
        { bytes: bytes.length, limit_bytes: ARTIFACT_LIMIT_BYTES },
      );
    }
    const root = requireArtifactRoot(this.store);
    this.checkAlone();
    // refusals come before anything touches the disk
    this.store.read(() =>
      authorizeChange(
        this.store,
        requireTask(this.store, input.task_id),
        context,
        this.clock.now(),
      ),
    );
    const staged = stageFile(root, bytes);
    let placement: Placement | null = null;
    try {
      const result = this.store.write(() => {
        const task = requireTask(this.store, input.task_id);
        authorizeChange(this.store, task, context, this.clock.now());
        const existing = this.store.artifacts.get(task.id, input.name);
        const now = this.clock.now();
        const facts = {
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          media_type: input.media_type ?? guessMediaType(input.name, input.encoding),
          created_by: context.actor,
          updated_at: now,
        };
        if (existing) this.store.artifacts.replace({ id: existing.id, ...facts });
        else
          this.store.artifacts.insert({
            task_id: task.id,
            name: input.name,
            created_at: now,
            ...facts,
          });
        const artifact = toArtifact(this.store.artifacts.get(task.id, input.name)!);
        this.emit.artifactStored(
          context,
          task,
          existing ? { size: existing.size, sha256: existing.sha256 } : null,
          artifact,
        );
        // last, so that nothing after it can fail but the commit itself
        placement = placeFile(staged, artifactPath(root, task.id, artifact.name));
        const verb = existing ? 'Replaced' : 'Stored';
        return {
          artifact,
          replaced: existing !== undefined,
          message: `${verb} artifact "${artifact.name}" on task #${task.id} (${artifact.size} bytes).`,
        };
      });
      (placement as Placement | null)?.commit();
      return result;
    } catch (error) {
      const placed = placement as Placement | null;
      if (placed) placed.undo();
      else rmSync(staged, { force: true });
      throw error;
    }
  }

  get(input: OperationArgs<'get_artifact'>): OperationOutput<'get_artifact'> {
    return this.store.read(() => {
      const task = requireTask(this.store, input.task_id);
      const row = this.requireArtifact(task.id, input.name);
      const path = artifactPath(requireArtifactRoot(this.store), task.id, row.name);
      if (!existsSync(path)) {
        throw new AppError(
          'NOT_FOUND',
          `The content of artifact "${row.name}" on task #${task.id} is missing from ${path}; it was removed outside Orchestron. Store it again.`,
          { task_id: task.id, name: row.name, path },
        );
      }
      const encoding = input.encoding ?? (isTextMediaType(row.media_type) ? 'utf8' : 'base64');
      let offset = Math.min(input.offset, row.size);
      let page = readRange(path, offset, input.length);
      if (encoding === 'utf8') {
        // an offset inside a character starts at the next whole one
        let skip = 0;
        while (skip < 3 && skip < page.length && (page[skip]! & 0xc0) === 0x80) skip++;
        if (skip > 0) {
          offset += skip;
          page = readRange(path, offset, input.length);
        }
        page = wholeCharacters(page, offset + page.length >= row.size);
      }
      const end = offset + page.length;
      return {
        artifact: toArtifact(row),
        offset,
        content: page.toString(encoding),
        encoding,
        bytes: page.length,
        next_offset: end < row.size ? end : null,
      };
    });
  }

  list(input: OperationArgs<'list_artifacts'>): OperationOutput<'list_artifacts'> {
    return this.store.read(() => {
      const task = requireTask(this.store, input.task_id);
      return { artifacts: this.store.artifacts.ofTask(task.id).map(toArtifact) };
    });
  }

  /**
   * The file is placed as the row is written and kept once that write commits; inside a larger
   * transaction (a batch of calls) that commit is not ours to see, so the call is refused there.
   */
  private checkAlone(): void {
    if (!this.store.inTransaction) return;
    throw new AppError(
      'VALIDATION',
      'An artifact is stored in a call of its own, not as part of a batch of calls: its file must be written exactly when its record is. Store each artifact separately.',
    );
  }

  private requireArtifact(taskId: number, name: string): ArtifactRow {
    const row = this.store.artifacts.get(taskId, name);
    if (row) return row;
    const names = this.store.artifacts.ofTask(taskId).map((artifact) => `"${artifact.name}"`);
    throw new AppError(
      'NOT_FOUND',
      `Task #${taskId} has no artifact named "${name}". ${names.length > 0 ? `Its artifacts: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.` : 'It has no artifacts.'}`,
      { task_id: taskId, name },
      [{ action: 'list them', operation: 'list_artifacts', input: { task_id: taskId } }],
    );
  }
}
