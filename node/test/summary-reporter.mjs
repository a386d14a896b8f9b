// A node:test reporter that ends the run with the corpus line every runner prints:
// `N passed, M failed` over the conformance vectors (tests named `vector ...`), the same for
// the bad-input matrix (`bad input ...`), and the totals of the other tests. Used next to the dot reporter by scripts/test.mjs.
export default async function* summary(source) {
  const counts = { vectors: [0, 0], bad: [0, 0, 0], other: [0, 0] }
  const failures = []
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    if (event.data.details?.type === 'suite') continue
    if (event.data.skip && event.data.name.startsWith('bad input ')) {
      counts.bad[2]++
      continue
    }
    const bucket = event.data.name.startsWith('vector ') ? counts.vectors
      : event.data.name.startsWith('bad input ') ? counts.bad : counts.other
    if (event.type === 'test:pass') bucket[0]++
    else {
      bucket[1]++
      failures.push(event.data.name)
    }
  }
  yield `\nconformance vectors: ${counts.vectors[0]} passed, ${counts.vectors[1]} failed\n`
  yield `bad inputs: ${counts.bad[0]} passed, ${counts.bad[1]} failed (${counts.bad[2]} not expressible in JS)\n`
  yield `other node tests: ${counts.other[0]} passed, ${counts.other[1]} failed\n`
  for (const name of failures) yield `  failed: ${name}\n`
}
