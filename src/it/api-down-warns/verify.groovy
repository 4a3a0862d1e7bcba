import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[WARNING] Verdict: PASSED with warnings. The Resemble API at http://127.0.0.1:')
    assert log.contains(' could not be reached, so nothing was uploaded; ')
    assert log.contains('[WARNING] The build passes with the warnings above.'
        + ' With onError=FAIL (the default) this build would fail.')
    assert !log.contains('UNSTABLE')
} finally {
    ItSupport.stop(context)
}
