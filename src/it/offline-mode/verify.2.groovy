import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.of(context)
def log = it.buildLog()
assert it.requestsSince('offline') == 0
assert log.contains('Maven is offline (-o), but the cache answers every matched file: judging from the cache.')
assert log.contains('BUILD SUCCESS')
