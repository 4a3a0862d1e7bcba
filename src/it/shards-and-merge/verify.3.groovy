import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.of(context)
assert it.counters().detectsCreated() == 4 : 'four contents among five files, each billed once'
it.markRequests('merge')
