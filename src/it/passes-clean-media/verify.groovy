import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('Matched 4 media files')
    assert log.contains('BUILD SUCCESS')
    // welcome.wav and its copy in target/classes are one content: three detections, not four.
    assert it.counters().detectsCreated() == 3
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    assert report.files*.path.sort() == ['src/main/media/logo.png', 'src/main/media/outro.wav',
        'src/main/resources/voice/welcome.wav', 'target/classes/voice/welcome.wav']
    assert report.files*.outcome.unique() == ['PASSED']
} finally {
    ItSupport.stop(context)
}
