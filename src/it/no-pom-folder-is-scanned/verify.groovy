import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert !new File(basedir, 'pom.xml').exists()
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    assert report.files*.path.sort() == ['art/cover.png', 'media/voice/intro.wav']
    assert report.files.every { it.outcome == 'PASSED' }
    assert it.counters().batchesCreated() == 1
} finally {
    ItSupport.stop(context)
}
