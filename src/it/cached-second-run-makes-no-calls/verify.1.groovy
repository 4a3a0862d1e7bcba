import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.of(context)
assert it.counters().batchesCreated() == 1
it.markRequests('second run')
