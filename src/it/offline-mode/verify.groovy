import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('Maven is offline (-o) and 1 of 3 distinct media contents are not in the cache,'
        + ' so it cannot be sent to Resemble; build online, or set resemble.onError=WARN to let offline'
        + ' builds pass unchecked.')
    assert it.requestsSince('offline') == 0
} finally {
    ItSupport.stop(context)
}
