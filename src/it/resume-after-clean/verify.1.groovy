import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.of(context)
assert it.counters().batchesCreated() == 1
assert it.buildLog().contains('run again to resume')
def journals = []
new File(basedir, 'it-cache/journal').eachFileRecurse { if (it.name.endsWith('.jsonl')) journals << it }
assert journals.size() == 1
assert !new File(basedir, 'target/resemble/resemble-journal.jsonl').exists()
