import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('[ERROR]')
    ['voice-en', 'voice-de', 'artwork', 'trailer'].each {
        assert new File(basedir, it + '/target/resemble/resemble-report.json').isFile()
    }
    // Eight files, seven contents. Two modules running at the same moment may both upload the jingle
    // before either has cached it (shared-content-billed-once shows the sequential case: once).
    assert it.counters().detectsCreated() >= 7 && it.counters().detectsCreated() <= 8
} finally {
    ItSupport.stop(context)
}
