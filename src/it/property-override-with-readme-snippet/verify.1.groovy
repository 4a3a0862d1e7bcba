import io.github.resemblegate.maven.it.ItSupport

def log = ItSupport.of(context).buildLog()
assert log.contains('on project property-override-with-readme-snippet: 1 of 2 files is likely synthetic:')
assert log.contains(', at or above the threshold 0.50.')
