import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.of(context)
assert it.counters().batchesCreated() == 1
assert it.buildLog().contains('Timed out after 1s while the API was still processing; run again to resume')
def journals = []
new File(basedir, 'it-cache/journal').eachFileRecurse { if (it.name.endsWith('.jsonl')) journals << it }
assert journals.size() == 1
