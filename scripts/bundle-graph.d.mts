import type { BuildOptions, Metafile } from 'esbuild';

export interface Chunk {
  file: string;
  name: string;
  bytes: number;
  gzip: number;
  initial: boolean;
  lazyFor?: string;
  inputs: string[];
  packages: string[];
}
export interface BundleAnalysis {
  metafile: Metafile;
  entryChunk: string;
  chunks: Chunk[];
  initial: Chunk[];
  lazy: Chunk[];
  closureOf(input: string): Chunk[];
}
export const ROOT: string;
export const ENTRIES: { 'widgets-define': string; 'sdk-browse': string };
export function buildOptions(entry: string, outdir: string): BuildOptions;
export function buildEntry(entry: string, outdir: string): Promise<BundleAnalysis>;
export function analyze(metafile: Metafile, entry: string): BundleAnalysis;
export function packageOf(input: string): string;
export function importChain(
  metafile: Metafile,
  entry: string,
  target: (input: string) => boolean,
): Array<{ file: string; import: string }> | null;
export function chunkTable(chunks: Chunk[], title?: string): string;
export function rel(p: string): string;
