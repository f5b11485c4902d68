/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (first step of `npm test`).
 * The browser always comes from the system package manager, never from a download script.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string[]) {
  console.log(`$ ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`install-chromium: \`${command.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (!existsSync(CHROMIUM)) {
  if (!commandExists('apt-get')) {
    console.error(`install-chromium: ${CHROMIUM} is missing and apt-get is not available; install Chromium with your system's package manager.`);
    process.exit(1);
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !commandExists('sudo')) {
    console.error(`install-chromium: ${CHROMIUM} is missing; run \`apt-get install chromium\` as root (no sudo here).`);
    process.exit(1);
  }
  const asRoot = (command: string[]) => (isRoot ? command : ['sudo', ...command]);
  run(asRoot(['apt-get', 'update']));
  run(asRoot(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']));
  if (!existsSync(CHROMIUM)) {
    console.error(`install-chromium: the chromium package installed but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
console.log(`chromium: ${CHROMIUM}`);
