import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[WARNING] The build passes with the warnings above.'
        + ' With onFlagged=FAIL (the default) this build would fail.')
    assert log.contains('[WARNING] Verdict: PASSED with warnings. 1 of ')
    assert !log.contains('UNSTABLE')
    assert log.contains('fake-voiceover.wav')
} finally {
    ItSupport.stop(context)
}
