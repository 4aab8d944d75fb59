/**
 * `npx tsx tools/bench/profile-summary.ts <file.cpuprofile> [top]` — where the time went in a
 * V8 CPU profile (from `npm run bench -- --profile dir`): self time by function, and by file
 * or package (node_modules/<package>, src/..., node: built-ins), top first.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), a repository path, or the built-in's kind. */
export function areaOf(url: string): string {
  if (!url) return '(native / V8)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return `node_modules/${modules[1]}`;
  if (url.startsWith('node:')) return url;
  const source = url.match(/\/((?:src|tools|test|testkit)\/.*)$/);
  return source ? source[1]! : url;
}

export function summarise(profile: Profile): { total: number; byFunction: [string, number][]; byArea: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)!.callFrame;
    total += time;
    const name = `${frame.functionName || '(anonymous)'}  ${areaOf(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    const area = frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.functionName === '(garbage collector)' ? frame.functionName : areaOf(frame.url);
    byArea.set(area, (byArea.get(area) ?? 0) + time);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, byFunction: sorted(byFunction), byArea: sorted(byArea) };
}

function main() {
  const [file, topText = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  const { total, byFunction, byArea } = summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile);
  const top = Number(topText);
  const busy = total - (byArea.find(([area]) => area === '(idle)')?.[1] ?? 0);
  const line = ([name, time]: [string, number]) => `${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / busy).toFixed(1).padStart(5)}%  ${name}`;
  console.log(`${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)\n\nby file or package:`);
  byArea.filter(([area]) => area !== '(idle)').slice(0, top).forEach((entry) => console.log(line(entry)));
  console.log('\nby function (self time):');
  byFunction.filter(([name]) => !name.startsWith('(idle)')).slice(0, top).forEach((entry) => console.log(line(entry)));
}

main();
