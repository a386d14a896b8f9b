// A node:test reporter that ends the run with the totals of the node tests and the names of
// the failures. (The vectors' own line, `node: N passed, M failed (K not expressible)`, is
// printed by the shared checker inside conformance.test.js.) Used next to the dot reporter by
// scripts/test.mjs.
export default async function* summary(source) {
  const counts = [0, 0]
  const failures = []
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    if (event.data.details?.type === 'suite') continue
    if (event.type === 'test:pass') counts[0]++
    else {
      counts[1]++
      failures.push(event.data.name)
    }
  }
  yield `\nnode tests: ${counts[0]} passed, ${counts[1]} failed\n`
  for (const name of failures) yield `  failed: ${name}\n`
}
