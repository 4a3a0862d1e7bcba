import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchesCreated() == 1
    assert it.counters().detectsCreated() == 3
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble-aggregate/resemble-report.json'))
    assert report.files*.path.sort() == ['artwork/src/main/media/cover.png', 'artwork/src/main/media/jingle.wav',
        'voice/src/main/media/jingle.wav', 'voice/src/main/media/narration.wav']
    assert !new File(basedir, 'voice/target/resemble').exists()
} finally {
    ItSupport.stop(context)
}
