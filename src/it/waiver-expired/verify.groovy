import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('on project waiver-expired: 1 of 2 files is likely synthetic:'
        + ' src/main/media/fake-old-promo.wav scored 0.97, at or above the threshold 0.50.')
    assert log.contains('[WARNING] Notice: The waiver for path src/main/media/fake-old-promo.wav expired on'
        + ' 2020-01-31 (reason: Old promo, to be re-recorded.) and no longer waives anything')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    assert report.files.find { it.path.endsWith('fake-licensed-voice.wav') }.outcome == 'WAIVED'
} finally {
    ItSupport.stop(context)
}
