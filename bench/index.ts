/**
 * `npm run bench`: every bench of issue 14's goals in one run, each printing its ratio, its target and OK
 * or SHORT. A bench is a file of bench/ that exports `run(): Promise<GoalResult[]>` (see lib/report.ts);
 * adding one is one line below. `npm run bench -- gateway` runs only those whose file name contains it.
 */
import 'reflect-metadata';
import { formatGoal, isMet, type Bench, type GoalResult } from './lib/report.ts';

const benches: Record<string, () => Promise<Bench>> = {
  'gateway-overhead': () => import('./gateway-overhead.ts'),
  'gateway-vs-apollo': () => import('./gateway-vs-apollo.ts'),
  'reads-writes': () => import('./reads-writes.ts'),
  subscriptions: () => import('./subscriptions.ts'),
};

const only = process.argv.slice(2);
const chosen = Object.entries(benches).filter(([name]) => !only.length || only.some((word) => name.includes(word)));
const results: GoalResult[] = [];
for (const [name, load] of chosen) {
  console.log(`\n== ${name}`);
  for (const result of await (await load()).run()) {
    console.log(formatGoal(result));
    results.push(result);
  }
}
console.log(`\n${results.filter(isMet).length} of ${results.length} goals met`);
for (const result of results) console.log(`  ${isMet(result) ? 'OK   ' : 'SHORT'} ${result.goal}: ${result.ratio.toFixed(2)}x`);
