import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD FAILURE')
    assert log.contains('on project user-includes-typo-fails: No media files matched in ')
    assert log.contains('with includes [media/**/*.wva] and excludes []; check the base directory and the patterns')
    assert it.counters().totalRequests() == 0
} finally {
    ItSupport.stop(context)
}
