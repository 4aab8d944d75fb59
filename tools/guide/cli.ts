/**
 * `npm run guide`: builds the SPA, then generates the rollout guide (see tools/guide/README.md).
 *   npm run guide -- --config guide.config.json --scenarios register-here,sign-in --out guide --format html,md,pdf
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, parseGuideConfig } from './config';
import { generateGuide } from './generate';

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const configFile = options.configPath ?? (fs.existsSync('guide.config.json') ? 'guide.config.json' : null);
  const config = parseGuideConfig(configFile ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {});
  const started = performance.now();
  console.log(`Writing the guide to ${options.out}/ (${options.formats.join(', ')})${configFile ? ` with ${configFile}` : ''}`);
  const { guide, files } = await generateGuide({
    config,
    configDir: configFile ? path.dirname(path.resolve(configFile)) : process.cwd(),
    scenarios: options.scenarios ?? config.scenarios,
    out: options.out,
    formats: options.formats,
    distDir: path.resolve('dist'),
    onProgress: (message) => console.log(message),
  });
  const steps = guide.sections.reduce((sum, section) => sum + section.steps.length, 0);
  console.log(`Done: ${steps} steps in ${guide.sections.length} sections, ${files.map((f) => path.join(options.out, f)).join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(`guide: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
