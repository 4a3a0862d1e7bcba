import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[WARNING] Verdict: UNSTABLE. 1 of 1 file could not be checked:'
        + ' src/main/media/narration.wav (Could not reach the Resemble API at 127.0.0.1:')
    assert log.contains('[WARNING] Maven has no UNSTABLE result: the build passes with the warnings above.'
        + ' With onError=FAIL (the default) this build would fail.')
} finally {
    ItSupport.stop(context)
}
