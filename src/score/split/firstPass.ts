// The first pass over a part of the file (both processes of the split): its owners' totals (the
// pipeline pass, with BATNA), and its Ids listed as it goes: each row's Id as the scoring pass
// would record it (not a deleted row's, not a blank one), with the row it is on, in the order met. A plain record's Id is recorded from its bytes when the first pass reads the record as
// one; any other record's from its ExportRow.
import { DELETED_COLUMN, isDeletedRow } from '../../io/export/columns.js';
import type { OnPlainRecord, PlainRecord } from '../../io/export/plainRecord.js';
import type { ExportReader, ExportRow } from '../../io/export/types.js';
import { idAsWritten } from '../idCell.js';
import type { IdList } from '../idIndex.js';
import { buildPipeline, type Pipeline, type RatesFile } from '../pipeline.js';
import { PipelineCells } from '../pipelineCells.js';
import type { ScoringContext } from '../rowScorer.js';

/** The cells a first pass reads: the pipeline pass's (or IsDeleted alone), and the Id. */
export const firstPassColumns = (pipelineColumns: ReadonlySet<string> | null): ReadonlySet<string> =>
  new Set([...(pipelineColumns ?? [DELETED_COLUMN]), 'Id']);

export type IdRecording = {
  readonly ids: IdList;
  /** Whether the file has an IsDeleted column (a deleted row's Id is not recorded). */
  readonly withDeleted: boolean;
  /** Where the part starts in the file (reader.bytesRead() counts from the file's start). */
  readonly from: number;
  /** How many bytes the part has: the list is sized once, after the first chunk, at the rows per byte read so far. */
  readonly partBytes: number;
  /** Called before each chunk's own afterChunk (a stop of the other process is noticed there). */
  readonly beforeChunk?: () => void;
};

/** `reader`, listing the Ids of the rows it reads in `recording.ids`. */
export function recordingIds(reader: ExportReader, recording: IdRecording): ExportReader {
  const { ids, withDeleted, from, partBytes, beforeChunk } = recording;
  const record = (r: ExportRow): void => {
    if (r.id !== null && !(withDeleted && isDeletedRow(r.values))) ids.add(r.id, r.row);
  };
  let sized = false;
  // A plain record the caller reads from its bytes: its Id recorded from them too; false, to read it
  // as a row, when the Id or IsDeleted cell is not written plainly.
  let idAt = -1;
  let cells: PipelineCells | null = null;
  const recordPlain =
    (onPlain: OnPlainRecord) =>
    (p: PlainRecord): boolean => {
      if (cells?.columns !== p.columns) {
        cells = new PipelineCells(p.columns);
        idAt = p.columns.indexOf('Id');
      }
      if (!idAsWritten(p, idAt)) return false;
      const deleted = cells.isDeleted(p);
      if (deleted === undefined || !onPlain(p)) return false;
      if (!deleted) ids.addBytes(p.bytes, p.starts[idAt] as number, p.ends[idAt] as number, p.row);
      return true;
    };
  return {
    ...reader,
    each: (onRow, afterChunk, onPlain) =>
      reader.each(
        (r) => {
          record(r);
          onRow(r);
        },
        async () => {
          beforeChunk?.();
          const read = reader.bytesRead() - from;
          if (!sized && read > 0) {
            sized = true;
            ids.reserve(Math.ceil(((ids.size + 1) * partBytes * 1.05) / read));
          }
          await afterChunk?.();
        },
        onPlain === undefined ? undefined : recordPlain(onPlain),
      ),
  };
}

/** How the first pass reads the owners' totals: as the run's scoring reads its cells. */
export type PipelineReading = {
  readonly asOf: string;
  readonly prepare: ScoringContext['prepare'];
  readonly currencyRates: RatesFile | null;
  readonly asWritten: boolean;
};

/**
 * A part's first pass from `recording` (recordingIds): its owners' totals (`pipeline`: null without
 * BATNA, the pass then lists the Ids alone) and how many rows it read; `progress` told the rows
 * read after each chunk.
 */
export async function readFirstPass(
  recording: ExportReader,
  reading: PipelineReading | null,
  progress: (rows: number) => void,
): Promise<{ pipeline: Pipeline | null; rows: number }> {
  if (reading !== null) {
    const { asOf, prepare, currencyRates, asWritten } = reading;
    const pipeline = await buildPipeline(recording, asOf, progress, prepare, currencyRates, asWritten);
    return { pipeline, rows: pipeline.rows };
  }
  let rows = 0;
  await recording.each(
    () => {
      rows++;
    },
    () => progress(rows),
  );
  return { pipeline: null, rows };
}
