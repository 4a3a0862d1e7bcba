import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert it.counters().unauthorized() == 0
    assert it.counters().batchesCreated() == 1
    assert !log.contains('it-encrypted-token-8c41')
} finally {
    ItSupport.stop(context)
}
