import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def all = it.buildLog()
    def log = all.substring(all.lastIndexOf('Scanning for projects'))
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('changes nothing')
    // The -D reached the gate: the flagged file warned instead of failing the build.
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    assert report.policy.onFlagged == 'WARN'
    assert report.verdict.status == 'UNSTABLE'
    assert report.files.find { it.path == 'src/main/media/fake-voiceover.wav' }.outcome == 'FLAGGED'
    // The second build judged from the first one's results: nothing billed twice.
    assert it.counters().detectsCreated() == 2
} finally {
    ItSupport.stop(context)
}
