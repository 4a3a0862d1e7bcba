import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains("Using proxy 'it-proxy' (127.0.0.1:")
    def proxied = it.proxy().allServeEvents.collect { it.request.url }
    assert proxied.any { it.contains('/api/v2/detect/batch') }
    assert proxied.size() == it.counters().totalRequests()
} finally {
    ItSupport.stop(context)
}
