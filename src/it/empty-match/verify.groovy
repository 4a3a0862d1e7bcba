import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('on project empty-match: No media files matched in ')
    assert it.counters().totalRequests() == 0
} finally {
    ItSupport.stop(context)
}
