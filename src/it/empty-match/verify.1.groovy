import io.github.resemblegate.maven.it.ItSupport

def log = ItSupport.of(context).buildLog()
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] Verdict: PASSED with warnings. No media files matched in ')
assert log.contains('with includes [media/**/*.wav] and excludes []; check the base directory and the patterns')
