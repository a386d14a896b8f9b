// The Node package's test command (`npm test`, called by scripts/test-all.sh):
//
// 1. builds the addon (release) with napi-rs, regenerating its loader native.js, and fails
//    if it differs from what is committed (index.d.ts, generated.js and src/generated.rs
//    are checked by `cargo xtask codegen --check`);
// 2. packs the package (`npm pack`) and installs the tarball into a scratch project;
// 3. runs the vectors through that install (not the source tree) and checks the answers
//    with the checker every language shares (paycodes-conformance --check node);
// 4. runs the node:test files there, with the `paycodes` CLI (for equivalence tests) and tsc;
// 5. proves panic safety with an addon built with the core's test-panic feature.
//
// Environment: PAYCODES_CLI (default ../target/release/paycodes), PAYCODES_CONFORMANCE (the
// checker, default ../target/debug/paycodes-conformance), PAYCODES_KEEP_SCRATCH=1 keeps the
// scratch project for inspection.

import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const root = path.dirname(here)
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: here, ...opts })
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function step(title) {
  console.log(`\n--- ${title}`)
}

// 1. Build, and check the generated files against the committed ones.
const generated = ['native.js']
const before = Object.fromEntries(generated.map((f) => [f, fs.existsSync(path.join(here, f)) ? fs.readFileSync(path.join(here, f), 'utf8') : null]))
step('napi build (release)')
// napi-rs declares only its own export (version) in native.d.ts: index.d.ts is ours
// (generated from the core by cargo xtask codegen), and native.d.ts is not shipped.
run(process.execPath, [path.join(here, 'node_modules', '@napi-rs', 'cli', 'dist', 'cli.js'), 'build', '--platform', '--release',
  '--no-const-enum', '--js', 'native.js', '--dts', 'native.d.ts'])
const stale = generated.filter((f) => before[f] !== fs.readFileSync(path.join(here, f), 'utf8'))
if (stale.length > 0) {
  for (const f of stale) spawnSync('git', ['diff', '--no-index', '--stat', '--', f], { cwd: here, stdio: 'inherit' })
  console.error(`\nstale generated files: ${stale.join(', ')}. They have been regenerated; review and commit them.`)
  process.exit(1)
}
console.log(`${generated.join(', ')} are up to date`)

// 2. Pack and install into a scratch project.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'paycodes-node-'))
step(`npm pack, install into ${scratch}`)
const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: here, encoding: 'utf8' }))
const tarball = path.join(scratch, packed[0].filename)
const files = packed[0].files.map((f) => f.path).sort()
console.log(`packed ${packed[0].filename}: ${files.join(', ')}`)
for (const needed of ['index.js', 'index.mjs', 'index.d.ts', 'native.js', 'generated.js', 'package.json']) {
  if (!files.includes(needed)) throw new Error(`the tarball lacks ${needed}`)
}
if (!files.some((f) => f.endsWith('.node'))) throw new Error('the tarball lacks the .node addon')
fs.writeFileSync(path.join(scratch, 'package.json'), JSON.stringify({ private: true, dependencies: { paycodes: `file:${tarball}` } }, null, 2))
run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch })
fs.cpSync(path.join(here, 'test'), path.join(scratch, 'test'), { recursive: true })

// 3. The vectors, through the installed package, checked by the shared checker.
step('vectors through the installed package, checked by paycodes-conformance')
const checker = process.env.PAYCODES_CONFORMANCE ?? path.join(root, 'target', 'debug', 'paycodes-conformance')
if (!fs.existsSync(checker)) throw new Error(`no checker at ${checker}: cargo build -p paycodes-conformance, or set PAYCODES_CONFORMANCE`)
const vectors = path.join(root, 'tests', 'vectors')
const answers = path.join(scratch, 'answers-node.jsonl')
run(process.execPath, ['-e', `require('./test/vectors-runner.js').run(${JSON.stringify(vectors)}, ${JSON.stringify(answers)})`], { cwd: scratch })
run(checker, ['--check', 'node', answers, vectors])

// 4. The other tests there.
step('node --test against the installed package')
const cli = process.env.PAYCODES_CLI ?? path.join(root, 'target', 'release', 'paycodes')
if (!fs.existsSync(cli)) throw new Error(`no paycodes CLI at ${cli}: build it (cargo build --release -p paycodes-cli) or set PAYCODES_CLI`)
const testFiles = fs.readdirSync(path.join(scratch, 'test'))
  .filter((f) => /\.test\.m?js$/.test(f) && f !== 'panic.test.js').sort().map((f) => path.join('test', f))
const reporters = ['--test-reporter=dot', '--test-reporter-destination=stdout',
  '--test-reporter=./test/summary-reporter.mjs', '--test-reporter-destination=stdout']
const result = spawnSync(process.execPath, ['--test', ...reporters, ...testFiles], {
  cwd: scratch,
  stdio: 'inherit',
  env: {
    ...process.env,
    PAYCODES_CLI: cli,
    PAYCODES_VECTORS: path.join(root, 'tests', 'vectors'),
    PAYCODES_TSC: path.join(here, 'node_modules', 'typescript', 'bin', 'tsc'),
  },
})
if (result.status !== 0) process.exit(result.status ?? 1)

// 5. Panic safety: the addon built with the core's test-panic feature (dev profile, its own
// target directory, so nothing of the release build is touched), in a copy of the package.
step('panic safety: the addon built with the test-panic feature')
const panicPackage = path.join(scratch, 'panic-package')
fs.mkdirSync(panicPackage)
run(process.execPath, [path.join(here, 'node_modules', '@napi-rs', 'cli', 'dist', 'cli.js'), 'build', '--platform',
  '--features', 'test-panic', '--target-dir', path.join(root, 'target', 'test-panic'), '--output-dir', panicPackage,
  '--no-const-enum', '--js', 'native.js', '--dts', 'native.d.ts'])
for (const f of ['index.js', 'index.mjs', 'generated.js', 'package.json']) fs.copyFileSync(path.join(here, f), path.join(panicPackage, f))
const panic = spawnSync(process.execPath, ['--test', '--test-reporter=spec', path.join('test', 'panic.test.js')], {
  cwd: scratch,
  stdio: 'inherit',
  env: { ...process.env, PAYCODES_PANIC_PACKAGE: panicPackage },
})
if (process.env.PAYCODES_KEEP_SCRATCH !== '1') fs.rmSync(scratch, { recursive: true, force: true })
process.exit(panic.status ?? 1)
