import { pathToFileURL } from 'node:url';

/** One goal of issue 14 as a bench measured it: the ratio, its target, and whether it is met. */
export interface GoalResult {
  goal: string;
  ratio: number;
  /** `at least` (higher is better) or `at most` (lower is better) `target`. */
  target: { atLeast: number } | { atMost: number };
  /** The figures behind the ratio, one line each. */
  figures?: string[];
}

export const isMet = ({ ratio, target }: GoalResult) => ('atLeast' in target ? ratio >= target.atLeast : ratio <= target.atMost);

export function formatGoal(result: GoalResult): string {
  const target = 'atLeast' in result.target ? `>= ${result.target.atLeast}x` : `<= ${result.target.atMost}x`;
  const head = `${result.goal.padEnd(58)} ${result.ratio.toFixed(2).padStart(6)}x  target ${target.padEnd(8)} ${isMet(result) ? 'OK' : 'SHORT'}`;
  return [head, ...(result.figures ?? []).map((line) => `    ${line}`)].join('\n');
}

/** A bench module: `run()` measures and returns its goals (bench/index.ts runs them all). */
export type Bench = { run(): Promise<GoalResult[]> };

/** Runs the bench when its file is the entry point (`tsx bench/x.ts`), not when bench/index.ts imports it. */
export async function runIfMain(meta: ImportMeta, run: () => Promise<GoalResult[]>): Promise<void> {
  if (!process.argv[1] || pathToFileURL(process.argv[1]).href !== meta.url) return;
  for (const result of await run()) console.log(formatGoal(result));
}
