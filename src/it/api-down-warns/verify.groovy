import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[WARNING] Verdict: PASSED with warnings. 1 of 1 file could not be judged:'
        + ' src/main/media/narration.wav; ')
    assert log.contains('[WARNING] The build passes with the warnings above.'
        + ' With onError=FAIL (the default) this build would fail.')
    assert !log.contains('UNSTABLE')
} finally {
    ItSupport.stop(context)
}
