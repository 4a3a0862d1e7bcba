import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.of(context)
assert it.counters().batchesCreated() == 1
assert it.buildLog().contains('Timed out after 1s while the API was still processing; run again to resume')
assert new File(basedir, 'target/resemble/resemble-journal.jsonl').isFile()
