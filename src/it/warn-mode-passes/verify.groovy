import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[WARNING] Maven has no UNSTABLE result: the build passes with the warnings above.'
        + ' With onFlagged=FAIL (the default) this build would fail.')
    assert log.contains('fake-voiceover.wav')
} finally {
    ItSupport.stop(context)
}
