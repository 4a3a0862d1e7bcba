import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert it.counters().unauthorized() == 0
    def auth = it.simulator().wireMock().allServeEvents.collect { it.request.getHeader('Authorization') }.unique()
    assert auth == ['Bearer ' + ItSupport.TOKEN]
} finally {
    ItSupport.stop(context)
}
