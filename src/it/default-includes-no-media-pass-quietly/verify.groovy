import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('under the default includes; nothing to check.')
    assert !log.contains('[WARNING] Verdict')
    assert it.counters().totalRequests() == 0
} finally {
    ItSupport.stop(context)
}
